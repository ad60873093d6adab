#include "query/RunFilter.h"

#include "query/RunFilterParser.h"

namespace prov {

Result<RunFilter> RunFilter::parse(const QString& expression)
{
    Result<QList<FilterComparison>> comparisons = RunFilterParser::parse(expression);
    if (!comparisons)
        return comparisons.error();
    RunFilter filter;
    filter.m_expression = expression;
    filter.m_comparisons = std::move(comparisons).value();
    return filter;
}

RunFilterSql RunFilter::toSql(int firstParameterIndex) const
{
    return RunFilterSql::compile(m_comparisons, firstParameterIndex);
}

} // namespace prov
