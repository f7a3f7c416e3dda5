#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <string>

class QWidget;

namespace shouwang {
struct FieldDef;
}

namespace shouwang::ui {

// One editor for one schema field, chosen by its FieldType. Values go in and out as the
// ledger's text form, so a form never converts a value differently from the core.
class FieldEditor : public QObject {
    Q_OBJECT

public:
    explicit FieldEditor(const FieldDef& field, QObject* parent = nullptr);
    ~FieldEditor() override = default;

    const FieldDef& field() const { return m_field; }
    virtual QWidget* widget() const = 0;
    virtual std::string value() const = 0;
    virtual void setValue(const std::string& value) = 0;
    // A value shown by a caption of the caller's (a record not stored yet); editors that show
    // no captions show the value.
    virtual void setCaptionedValue(const std::string& value, const QString& caption)
    {
        (void)caption;
        setValue(value);
    }
    virtual void setReadOnly(bool readOnly) = 0;
    // Text typed into a picker that matches none of its choices (value() cannot hold it);
    // "" for other editors. A form refuses to save it rather than drop it.
    virtual QString unmatchedText() const { return {}; }

signals:
    void edited();

private:
    const FieldDef& m_field;
};

} // namespace shouwang::ui
