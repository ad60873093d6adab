#include "ModelCardPdf.h"

#include "registry/ModelCardHtml.h"

#include <QAbstractTextDocumentLayout>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace prov {

Status ModelCardPdf::write(const ModelCard& card, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the PDF: %1").arg(file.errorString()), path);
    {
        QPdfWriter pdf(&file);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 16, 18, 20), QPageLayout::Millimeter);
        pdf.setResolution(300);
        pdf.setTitle(QStringLiteral("Model card: %1 version %2").arg(card.facts.modelName).arg(card.facts.version));
        pdf.setCreator(QStringLiteral("Provenance"));
        QTextDocument document;
        document.documentLayout()->setPaintDevice(&pdf); // fonts sized for the PDF's resolution
        document.setDefaultStyleSheet(
            QStringLiteral("h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 14px; }"
                           " h3 { font-size: 11pt; } body, td, th, li, p { font-size: 9pt; }"));
        document.setHtml(ModelCardHtml::toHtml(card, { true }));
        QPainter painter;
        if (!painter.begin(&pdf))
            return makeError(ErrorCode::Io, QStringLiteral("cannot start the PDF"), path);
        const QRectF page = pdf.pageLayout().paintRectPixels(pdf.resolution());
        const QRectF body(0, 0, page.width(), page.height() - pdf.resolution() * 0.4);
        document.setPageSize(body.size());
        const int pages = document.pageCount();
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                pdf.newPage();
            painter.save();
            painter.translate(0, -body.height() * i);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, body.height() * i, body.width(), body.height());
            painter.setClipRect(context.clip);
            document.documentLayout()->draw(&painter, context);
            painter.restore();
            QFont footer = painter.font();
            footer.setPointSizeF(7);
            painter.setFont(footer);
            painter.drawText(QRectF(0, body.height(), page.width(), page.height() - body.height()),
                Qt::AlignRight | Qt::AlignBottom,
                QStringLiteral("%1 v%2 · page %3 of %4")
                    .arg(card.facts.modelName)
                    .arg(card.facts.version)
                    .arg(i + 1)
                    .arg(pages));
        }
        painter.end();
    }
    if (!file.commit())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the PDF: %1").arg(file.errorString()), path);
    return {};
}

} // namespace prov
