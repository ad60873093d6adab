#pragma once

#include "store/StoreReader.h"

#include <QMutex>
#include <QStringList>

#include <atomic>

// Wraps a real StoreReader and records what sync asked it to read, so tests can prove that
// unchanged runs and metric histories are not read again.
class CountingReader : public prov::StoreReader
{
public:
    explicit CountingReader(const prov::StoreReader& inner)
        : m_inner(inner)
    { }

    const prov::StoreLocation& location() const override { return m_inner.location(); }
    prov::StoreDescription describe() const override { return m_inner.describe(); }
    int maxConcurrentReads() const override { return m_inner.maxConcurrentReads(); }
    prov::Result<prov::ExperimentScan> scanExperiments(const prov::CancellationToken& c) const override
    {
        return m_inner.scanExperiments(c);
    }
    prov::Result<prov::RunScan> scanRuns(const prov::Experiment& e, const prov::CancellationToken& c) const override
    {
        return m_inner.scanRuns(e, c);
    }
    prov::Result<prov::RunRecord> readRun(const prov::RunStamp& run) const override
    {
        QMutexLocker lock(&m_mutex);
        m_runsRead << run.runId;
        lock.unlock();
        return m_inner.readRun(run);
    }
    prov::Result<prov::MetricRead> readMetrics(const prov::RunStamp& run, const QStringList& keys) const override
    {
        QMutexLocker lock(&m_mutex);
        for (const QString& key : keys)
            m_metricsRead << run.runId + QLatin1Char('/') + key;
        lock.unlock();
        return m_inner.readMetrics(run, keys);
    }
    prov::Result<prov::LoggedModelScan> scanLoggedModels(const prov::Experiment& e) const override
    {
        return m_inner.scanLoggedModels(e);
    }
    prov::Result<prov::RegistryScan> scanRegistry() const override { return m_inner.scanRegistry(); }

    QStringList runsRead() const
    {
        QMutexLocker lock(&m_mutex);
        return m_runsRead;
    }
    QStringList metricsRead() const
    {
        QMutexLocker lock(&m_mutex);
        return m_metricsRead;
    }
    void reset()
    {
        QMutexLocker lock(&m_mutex);
        m_runsRead.clear();
        m_metricsRead.clear();
    }

private:
    const prov::StoreReader& m_inner;
    mutable QMutex m_mutex;
    mutable QStringList m_runsRead;
    mutable QStringList m_metricsRead;
};
