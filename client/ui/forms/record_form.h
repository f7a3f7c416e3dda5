#pragma once

#include "domain/record.h"
#include "domain/validation.h"

#include <QWidget>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

class QLabel;

namespace shouwang {
struct EntityDef;
}

namespace shouwang::ui {

class FieldEditor;
class LedgerSession;

// A form built from an entity's schema: one editor per field, chosen by its type, and under
// each a red line for the message the core gives when that field's value is refused. Values
// typed stay in the editors whatever the outcome of a save.
class RecordForm final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordForm)

public:
    // `fields`: the fields to show, in order; empty shows every field of the entity except
    // those in `hidden` (set by the caller, like the elder a visit belongs to).
    RecordForm(LedgerSession& session, const EntityDef& entity, std::vector<std::string_view> fields = {},
               std::vector<std::string_view> hidden = {}, QWidget* parent = nullptr);
    ~RecordForm() override;

    const EntityDef& entity() const { return m_entity; }
    void load(const Record& record);
    // Writes the shown fields' values into `record`, leaving its other fields as they are.
    void store(Record& record) const;

    std::string value(std::string_view field) const;
    void setValue(std::string_view field, const std::string& value);
    void setValue(std::string_view field, const std::string& value, const QString& caption);
    QWidget* editorWidget(std::string_view field) const;
    bool hasField(std::string_view field) const;

    // Text typed into a picker that matches none of its choices; "" when none.
    QString unmatchedText(std::string_view field) const;
    // One error per picker holding such text: saving would drop it.
    std::vector<FieldError> unmatchedErrors() const;

    // Shows the errors for this form's fields; returns how many it showed.
    int showErrors(const std::vector<FieldError>& errors);
    void clearErrors();
    QString errorText(std::string_view field) const;

    bool isModified() const { return m_modified; }
    void setModified(bool modified) { m_modified = modified; }
    void setReadOnly(bool readOnly);

signals:
    void edited(const QString& field);

private:
    struct Row {
        std::unique_ptr<FieldEditor> editor;
        QLabel* error = nullptr;
    };
    Row* row(std::string_view field) const;
    void followValue(std::string_view field);

    LedgerSession& m_session;
    const EntityDef& m_entity;
    std::vector<std::pair<std::string, std::unique_ptr<Row>>> m_rows;
    bool m_modified = false;
};

} // namespace shouwang::ui
