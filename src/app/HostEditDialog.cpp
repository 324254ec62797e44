#include "app/HostEditDialog.h"

#include "ui_HostEditDialog.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QPushButton>

namespace dr {

HostEditDialog::HostEditDialog(const HostProfile& host, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::HostEditDialog>())
    , m_original(host)
{
    m_ui->setupUi(this);
    setWindowTitle(host.id ? tr("Edit host %1").arg(host.name) : tr("Add host"));
    m_ui->transportComboBox->addItem(tr("SSH"), HostProfile::transportId(HostProfile::Transport::Ssh));
    m_ui->transportComboBox->addItem(tr("Local folder"), HostProfile::transportId(HostProfile::Transport::Local));
    m_ui->authComboBox->addItem(tr("SSH agent"), HostProfile::authId(HostProfile::Auth::Agent));
    m_ui->authComboBox->addItem(tr("Key file"), HostProfile::authId(HostProfile::Auth::KeyFile));
    m_ui->authComboBox->addItem(
        tr("Password (asked each session, never stored)"), HostProfile::authId(HostProfile::Auth::Password));

    m_ui->hostNameLineEdit->setText(host.name);
    m_ui->transportComboBox->setCurrentIndex(
        m_ui->transportComboBox->findData(HostProfile::transportId(host.transport)));
    m_ui->addressLineEdit->setText(host.address);
    m_ui->portSpinBox->setValue(host.port);
    m_ui->userLineEdit->setText(host.user);
    m_ui->authComboBox->setCurrentIndex(m_ui->authComboBox->findData(HostProfile::authId(host.auth)));
    m_ui->keyFileLineEdit->setText(host.keyFile);
    m_ui->baseDirLineEdit->setText(host.baseDir);
    m_ui->backupDirsPlainTextEdit->setPlainText(host.backupDirs.join(u'\n'));
    m_ui->toolPathLineEdit->setText(host.toolPath);
    m_ui->verifyIntervalSpinBox->setValue(host.verificationIntervalDays);
    m_ui->stopCommandLineEdit->setText(host.stopCommand);
    m_ui->startCommandLineEdit->setText(host.startCommand);

    m_ui->targetsTableWidget->setHorizontalHeaderLabels({ tr("Scenario"), tr("RTO (min)"), tr("RPO (min)") });
    m_ui->targetsTableWidget->setRowCount(int(host.targets.size()));
    m_ui->targetsTableWidget->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->targetsTableWidget->verticalHeader()->hide();
    for (int row = 0; row < host.targets.size(); ++row) {
        const RecoveryTarget& target = host.targets[row];
        auto* scenario = new QTableWidgetItem(HostProfile::scenarioTitle(target.scenario));
        scenario->setData(Qt::UserRole, target.scenario);
        scenario->setFlags(Qt::ItemIsEnabled);
        m_ui->targetsTableWidget->setItem(row, 0, scenario);
        m_ui->targetsTableWidget->setItem(row, 1, new QTableWidgetItem(QString::number(target.rtoSeconds / 60.0)));
        m_ui->targetsTableWidget->setItem(row, 2, new QTableWidgetItem(QString::number(target.rpoSeconds / 60.0)));
    }

    connect(m_ui->keyFileBrowsePushButton, &QPushButton::clicked, this, [this] {
        const QString file
            = QFileDialog::getOpenFileName(this, tr("Private key"), QDir::homePath() + QStringLiteral("/.ssh"));
        if (!file.isEmpty())
            m_ui->keyFileLineEdit->setText(file);
    });
    connect(m_ui->baseDirBrowsePushButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of the local host"));
        if (!dir.isEmpty())
            m_ui->baseDirLineEdit->setText(dir);
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (profile().validate().isEmpty())
            accept();
    });
    for (QLineEdit* edit : { m_ui->hostNameLineEdit, m_ui->addressLineEdit, m_ui->userLineEdit, m_ui->keyFileLineEdit,
             m_ui->baseDirLineEdit, m_ui->toolPathLineEdit })
        connect(edit, &QLineEdit::textChanged, this, &HostEditDialog::updateState);
    connect(m_ui->backupDirsPlainTextEdit, &QPlainTextEdit::textChanged, this, &HostEditDialog::updateState);
    connect(m_ui->transportComboBox, &QComboBox::currentIndexChanged, this, &HostEditDialog::updateState);
    connect(m_ui->authComboBox, &QComboBox::currentIndexChanged, this, &HostEditDialog::updateState);
    connect(m_ui->portSpinBox, &QSpinBox::valueChanged, this, &HostEditDialog::updateState);
    connect(m_ui->targetsTableWidget, &QTableWidget::itemChanged, this, &HostEditDialog::updateState);
    // Two lines kept for the reason, so the dialog does not jump as it comes and goes.
    m_ui->errorLabel->setMinimumHeight(2 * m_ui->errorLabel->fontMetrics().lineSpacing());
    m_showProblems = !host.name.isEmpty();
    updateState();
    m_showProblems = true;
}

HostEditDialog::~HostEditDialog() = default;

HostProfile HostEditDialog::profile() const
{
    HostProfile host = m_original;
    host.name = m_ui->hostNameLineEdit->text().trimmed();
    host.transport = HostProfile::transportFromId(m_ui->transportComboBox->currentData().toString());
    host.address = m_ui->addressLineEdit->text().trimmed();
    host.port = m_ui->portSpinBox->value();
    host.user = m_ui->userLineEdit->text().trimmed();
    host.auth = HostProfile::authFromId(m_ui->authComboBox->currentData().toString());
    host.keyFile = m_ui->keyFileLineEdit->text().trimmed();
    if (host.keyFile.startsWith(QLatin1String("~/")))
        host.keyFile = QDir::homePath() + host.keyFile.mid(1);
    host.baseDir = m_ui->baseDirLineEdit->text().trimmed();
    host.backupDirs.clear();
    for (const QString& line : m_ui->backupDirsPlainTextEdit->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            host.backupDirs.append(line.trimmed());
    }
    host.toolPath = m_ui->toolPathLineEdit->text().trimmed();
    host.verificationIntervalDays = m_ui->verifyIntervalSpinBox->value();
    host.stopCommand = m_ui->stopCommandLineEdit->text();
    host.startCommand = m_ui->startCommandLineEdit->text();
    host.targets.clear();
    for (int row = 0; row < m_ui->targetsTableWidget->rowCount(); ++row) {
        const auto* scenario = m_ui->targetsTableWidget->item(row, 0);
        const auto* rto = m_ui->targetsTableWidget->item(row, 1);
        const auto* rpo = m_ui->targetsTableWidget->item(row, 2);
        if (!scenario || !rto || !rpo)
            continue;
        bool rtoOk = false;
        bool rpoOk = false;
        const double rtoMinutes = rto->text().toDouble(&rtoOk);
        const double rpoMinutes = rpo->text().toDouble(&rpoOk);
        host.targets.append({ scenario->data(Qt::UserRole).toString(), rtoOk ? int(rtoMinutes * 60) : -1,
            rpoOk ? int(rpoMinutes * 60) : -1 });
    }
    return host;
}

void HostEditDialog::updateState()
{
    const bool local
        = m_ui->transportComboBox->currentData().toString() == HostProfile::transportId(HostProfile::Transport::Local);
    for (QWidget* sshOnly :
        std::initializer_list<QWidget*> { m_ui->addressLineEdit, m_ui->portSpinBox, m_ui->userLineEdit,
            m_ui->authComboBox, m_ui->addressLabel, m_ui->portLabel, m_ui->userLabel, m_ui->authLabel })
        sshOnly->setEnabled(!local);
    const bool keyFile
        = !local && m_ui->authComboBox->currentData().toString() == HostProfile::authId(HostProfile::Auth::KeyFile);
    m_ui->keyFileLineEdit->setEnabled(keyFile);
    m_ui->keyFileLabel->setEnabled(keyFile);
    m_ui->keyFileBrowsePushButton->setEnabled(keyFile);
    m_ui->baseDirBrowsePushButton->setEnabled(local);
    // A target that is not a number says so, rather than the "negative" the profile would report.
    QString problem;
    for (int row = 0; row < m_ui->targetsTableWidget->rowCount() && problem.isEmpty(); ++row) {
        for (const int column : { 1, 2 }) {
            const QTableWidgetItem* cell = m_ui->targetsTableWidget->item(row, column);
            const QTableWidgetItem* scenario = m_ui->targetsTableWidget->item(row, 0);
            bool number = false;
            const double minutes = cell ? cell->text().toDouble(&number) : 0;
            if (cell && scenario && (!number || minutes < 0)) {
                problem = tr("%1 of %2: \"%3\" is not a number of minutes.")
                              .arg(column == 1 ? tr("RTO") : tr("RPO"), scenario->text(), cell->text());
                break;
            }
        }
    }
    if (problem.isEmpty())
        problem = profile().validate();
    m_ui->errorLabel->setText(m_showProblems ? problem : QString());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace dr
