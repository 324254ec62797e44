#include "app/HostKeyDialog.h"

#include "ui_HostKeyDialog.h"

namespace dr {

HostKeyDialog::HostKeyDialog(
    const QString& hostName, const QString& message, const QString& fingerprint, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::HostKeyDialog>())
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Unknown host key: %1").arg(hostName));
    m_ui->explanationLabel->setText(message.toHtmlEscaped());
    m_ui->fingerprintLineEdit->setText(fingerprint);
    m_ui->refusePushButton->setFocus();
}

HostKeyDialog::~HostKeyDialog() = default;

} // namespace dr
