#include "ModelCardPdf.h"

#include "TestFixtures.h"
#include "registry/ModelCardLoader.h"

#include <QImage>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QTemporaryDir>
#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

// A model card exported as PDF holds the facts of the fixture version and its hand-written
// fields: the PDF is read back with Qt's PDF engine (its text) and rasterised (it is not blank);
// set PROVENANCE_TEST_OUTPUT to a folder to keep the rendered pages for a look.
class tst_ModelCardPdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdsTheCardsFactsAndRenders()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto cache = TestFixtures::syncedCache(u"mlflow/mlruns"_s, dir.filePath(u"cache.sqlite"_s));
        QVERIFY(cache);
        auto state = ModelCardLoader::load(cache->database(), nullptr, u"iris-classifier"_s, 2);
        QVERIFY(state);
        ModelCard card = state->card;
        card.fields = { { u"owners"_s, u"Risk team <risk@example.com>"_s }, { u"license"_s, u"Apache-2.0"_s },
            { u"intended_use"_s, u"Sorting iris photos for botanists"_s }, { u"risk_rating"_s, u"Low"_s } };
        const QString pdf = dir.filePath(u"card.pdf"_s);
        const Status written = ModelCardPdf::write(card, pdf);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().describe()));

        QPdfDocument document;
        QCOMPARE(document.load(pdf), QPdfDocument::Error::None);
        QVERIFY(document.pageCount() >= 2);
        QString text;
        for (int page = 0; page < document.pageCount(); ++page)
            text += document.getAllText(page).text() + u'\n';
        const QString flat = text.simplified();
        for (const QString& fact : { u"iris-classifier · version 2"_s, u"Logistic regression C=1.0"_s,
                 u"logreg-final"_s, u"m-ada1388fb6e44984821dd1d3f308ff56"_s,
                 u"1a3d1fa7bc8960a923b8c1e9392456de3eb13b90"_s, u"iris-train"_s, u"27c44172"_s, u"e761a872"_s,
                 u"0.9333333333333333"_s, u"sepal_length"_s, u"alice"_s, u"Risk team <risk@example.com>"_s,
                 u"Apache-2.0"_s, u"Sorting iris photos for botanists"_s, u"page 1 of"_s }) {
            QVERIFY2(flat.contains(fact), qPrintable(u"missing: "_s + fact));
        }

        const QString keep = qEnvironmentVariable("PROVENANCE_TEST_OUTPUT");
        for (int page = 0; page < document.pageCount(); ++page) {
            const QImage image = document.render(page, QSize(1240, 1754));
            QVERIFY(!image.isNull());
            int inked = 0;
            for (int y = 0; y < image.height(); y += 4) {
                for (int x = 0; x < image.width(); x += 4)
                    inked += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
            }
            QVERIFY2(inked > 300, qPrintable(u"page %1 looks blank"_s.arg(page + 1)));
            if (!keep.isEmpty())
                QVERIFY(image.save(keep + u"/model-card-page-%1.png"_s.arg(page + 1)));
        }
    }
};

QTEST_MAIN(tst_ModelCardPdf)
#include "tst_ModelCardPdf.moc"
