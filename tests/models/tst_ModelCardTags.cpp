#include "registry/ModelCardTags.h"

#include "registry/BindingTimeline.h"
#include "store/RegistryWriteRules.h"

#include <QTest>

using namespace prov;
using namespace Qt::StringLiterals;

// A card's hand-written fields round-trip through model-version tags whatever their length
// (MLflow caps a tag value), a card saved halfway is recognised rather than misread, and
// saving a shorter card removes the parts of a longer one.
class tst_ModelCardTags : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data()
    {
        QTest::addColumn<CardFields>("fields");
        QTest::addColumn<int>("tags");
        QTest::newRow("short") << CardFields { { u"owners"_s, u"Risk team"_s }, { u"risk_rating"_s, u"Low"_s } } << 1;
        QTest::newRow("exactly one tag") << CardFields { { u"documentation"_s, QString(4948, u'x') } }
                                         << 1; // 5,000 with the JSON around it
        QTest::newRow("two parts") << CardFields { { u"documentation"_s, QString(6000, u'x') } } << 3;
        // 5000 code points per part: an emoji is two UTF-16 units and must not be cut in half.
        QTest::newRow("emoji across a boundary") << CardFields { { u"documentation"_s, u"📈"_s.repeated(5200) } } << 3;
        QTest::newRow("quotes and newlines")
            << CardFields { { u"limitations"_s, u"a \"quoted\" line\nand\\another — 日本語"_s } } << 1;
    }
    void roundTrips()
    {
        QFETCH(CardFields, fields);
        QFETCH(int, tags);
        const KeyValueList encoded = ModelCardTags::encode(fields);
        QCOMPARE(encoded.size(), tags);
        for (const KeyValue& tag : encoded) {
            QVERIFY(ModelCardTags::isCardTag(tag.key));
            QVERIFY(RegistryWriteRules::pythonLength(tag.value) <= RegistryWriteRules::MaxTagValueLength);
            QVERIFY(RegistryWriteRules::check(RegistryWrite::setVersionTag(u"m"_s, 1, tag.key, tag.value)));
        }
        const auto stored = ModelCardTags::read(encoded + KeyValueList { { u"other"_s, u"tag"_s } });
        QCOMPARE(stored.state, ModelCardTags::Stored::State::Complete);
        QCOMPARE(stored.fields, fields);
    }

    void aCardSavedHalfwayIsRecognised()
    {
        KeyValueList encoded = ModelCardTags::encode({ { u"documentation"_s, QString(12000, u'y') } });
        QCOMPARE(encoded.size(), 4);
        KeyValueList missingPart = encoded;
        missingPart.removeLast();
        auto stored = ModelCardTags::read(missingPart);
        QCOMPARE(stored.state, ModelCardTags::Stored::State::Damaged);
        QVERIFY(stored.problem.contains(u"part 3 of 3"_s));
        QVERIFY(stored.fields.isEmpty());
        KeyValueList stale = encoded;
        stale[2].value = QString(5000, u'z'); // a part from another save
        stored = ModelCardTags::read(stale);
        QCOMPARE(stored.state, ModelCardTags::Stored::State::Damaged);
        QVERIFY(stored.problem.contains(u"do not fit together"_s));
        stored = ModelCardTags::read({ { ModelCardTags::Key, u"not json"_s } });
        QCOMPARE(stored.state, ModelCardTags::Stored::State::Damaged);
        QCOMPARE(ModelCardTags::read({}).state, ModelCardTags::Stored::State::None);
    }

    void savingWritesOnlyWhatChangedAndDropsStaleParts()
    {
        const KeyValueList long3 = ModelCardTags::encode({ { u"documentation"_s, QString(12000, u'y') } });
        const RegistryWrites shorter = ModelCardTags::writes(u"m"_s, 2, { { u"owners"_s, u"a"_s } }, long3);
        QStringList deleted;
        for (const RegistryWrite& w : shorter) {
            if (w.kind == RegistryWrite::Kind::DeleteVersionTag)
                deleted << w.key;
        }
        QCOMPARE(deleted, (QStringList { u"provenance.card.1"_s, u"provenance.card.2"_s, u"provenance.card.3"_s }));
        QCOMPARE(shorter.first().key, ModelCardTags::Key);
        // Parts are written before the head that names them.
        const RegistryWrites longer
            = ModelCardTags::writes(u"m"_s, 2, { { u"documentation"_s, QString(12000, u'y') } }, {});
        QCOMPARE(longer.last().key, ModelCardTags::Key);
        QVERIFY(ModelCardTags::writes(u"m"_s, 2, { { u"documentation"_s, QString(12000, u'y') } }, long3).isEmpty());
        // No fields: the card goes.
        const RegistryWrites none = ModelCardTags::writes(u"m"_s, 2, {}, long3);
        QCOMPARE(none.size(), 4);
    }

    void fieldsOfANewerProvenanceAreKept()
    {
        const auto stored = ModelCardTags::read({ { ModelCardTags::Key,
            u"{\"provenance_card\":2,\"fields\":{\"owners\":\"a\",\"future_field\":\"b\"}}"_s } });
        QCOMPARE(stored.state, ModelCardTags::Stored::State::Complete);
        QCOMPARE(stored.fields.value(u"future_field"_s), u"b"_s);
    }

    void timelineLanesFollowAliasesThenStages()
    {
        const BindingHistory history {
            { u"m"_s, u"stage"_s, u"Staging"_s, 3, 30, 40, std::nullopt, {}, 2 },
            { u"m"_s, u"alias"_s, u"champion"_s, 2, 30, 30, 40, {}, 1 },
            { u"m"_s, u"stage"_s, u"Production"_s, 2, 30, 40, std::nullopt, {}, 2 },
            { u"m"_s, u"alias"_s, u"champion"_s, 3, 40, 40, std::nullopt, {}, 1 },
            { u"m"_s, u"alias"_s, u"backup"_s, 1, 10, 40, std::nullopt, {}, 3 },
        };
        const BindingTimeline t = BindingTimeline::build(history, { 40, 10, 30 });
        QStringList lanes;
        for (const TimelineLane& lane : t.lanes)
            lanes << lane.label();
        QCOMPARE(lanes, (QStringList { u"@backup"_s, u"@champion"_s, u"Production"_s, u"Staging"_s }));
        QCOMPARE(t.lanes[1].segments.size(), 2);
        QCOMPARE(t.lanes[1].segments[0].nextSight, std::optional<qint64>(40));
        QCOMPARE(t.observations, (QList<qint64> { 10, 30, 40 }));
        QCOMPARE(t.start, 10);
        QCOMPARE(t.end, 40);
    }
};

QTEST_GUILESS_MAIN(tst_ModelCardTags)
#include "tst_ModelCardTags.moc"
