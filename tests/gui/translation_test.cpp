// The Chinese translation is complete: every message of the .ts is translated.

#include <QFile>
#include <QXmlStreamReader>
#include <QtTest>

class TranslationTest final : public QObject {
    Q_OBJECT

private slots:
    void theChineseTranslationHasNoUnfinishedEntries()
    {
        QFile file(QStringLiteral(SHOUWANG_SOURCE_DIR "/client/app/translations/shouwang_zh_CN.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList unfinished;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"message")
                ++messages;
            else if (xml.name() == u"source")
                source = xml.readElementText();
            else if (xml.name() == u"translation") {
                const auto type = xml.attributes().value(QStringLiteral("type"));
                if (type == u"unfinished" || type == u"vanished" || type == u"obsolete") {
                    if (type == u"unfinished")
                        unfinished << source;
                    continue;
                }
                // Plural messages hold <numerusform> children; the text check is for plain ones.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (text.trimmed().isEmpty())
                    unfinished << source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 100, "the .ts should hold every string of the client");
        QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("unfinished: ") + unfinished.join(QStringLiteral(" | "))));
    }
};

QTEST_MAIN(TranslationTest)
#include "translation_test.moc"
