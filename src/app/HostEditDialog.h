#pragma once

#include "core/HostProfile.h"

#include <QDialog>

#include <memory>

namespace Ui {
class HostEditDialog;
}

namespace dr {

/// Adds or edits a host profile. OK stays disabled while the profile would not validate, and the reason
/// is shown under the form.
class HostEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostEditDialog)

public:
    explicit HostEditDialog(const HostProfile& host, QWidget* parent = nullptr);
    ~HostEditDialog() override;

    HostProfile profile() const;

private:
    void updateState();

    std::unique_ptr<Ui::HostEditDialog> m_ui;
    HostProfile m_original;
    bool m_showProblems = false; ///< a new host's form is not an error before the user types in it
};

} // namespace dr
