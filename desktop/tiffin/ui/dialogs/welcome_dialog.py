"""The first run's welcome: the language, where the library lives (the platform's folder or,
say, a USB stick), which starter subscriptions to add, and when and how much to download."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import LANGUAGES, Settings
from tiffin.first_run import Welcome
from tiffin.sources.starters import STARTERS

MiB = 1024 * 1024


class WelcomeDialog(QDialog):
    """Shown once, before the first library is made; `chosen()` says what to set up. With
    `folder_fixed` (a folder given with --data-dir or $TIFFIN_HOME) the folder is not asked."""

    def __init__(
        self,
        default_folder: Path,
        settings: Settings,
        folder_fixed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.default_folder = default_folder
        self.original = settings
        self.setWindowTitle(self.tr("Welcome to Tiffin"))
        intro = QLabel(
            self.tr(
                "Tiffin packs the news and the video while the line is good, so that you can"
                " read and watch when it is slow or cut. A few choices to begin; each can be"
                " changed later."
            )
        )
        intro.setWordWrap(True)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("As the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        language_row = QFormLayout()
        # Named in Urdu too, for a reader of Urdu on a system set to English (and the Urdu
        # translation of "&Language" is the English word, for the other way round)
        language_row.addRow(self.tr("&Language") + " · زبان", self.language)

        self.folder = QLineEdit(str(default_folder))
        self.folder.setAccessibleName(self.tr("Library folder"))
        self.folder.setReadOnly(folder_fixed)
        choose = QPushButton(self.tr("&Choose…"))
        choose.setAccessibleName(self.tr("Choose the library folder"))
        choose.clicked.connect(self.on_choose_clicked)
        choose.setEnabled(not folder_fixed)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        where = QGroupBox(self.tr("Where the library lives (a folder on a USB stick works too)"))
        QVBoxLayout(where).addLayout(folder_row)

        self.starter_list = QListWidget()
        self.starter_list.setAccessibleName(self.tr("Starter subscriptions"))
        for starter in STARTERS:
            entry = QListWidgetItem(f"{starter.title}  —  {starter.folder}")
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            entry.setToolTip(starter.url)
            self.starter_list.addItem(entry)
        starters = QGroupBox(self.tr("Starter subscriptions (untick what you do not want)"))
        QVBoxLayout(starters).addWidget(self.starter_list)

        window = settings.media_window
        self.use_window = QCheckBox(self.tr("Download video and audio only between"))
        self.use_window.setChecked(window is not None)
        self.window_start = self._hour(window[0] if window else 1, self.tr("From hour"))
        self.window_end = self._hour(window[1] if window else 6, self.tr("Until hour"))
        for spin in (self.window_start, self.window_end):
            spin.setEnabled(window is not None)
            self.use_window.toggled.connect(spin.setEnabled)
        hours = QHBoxLayout()
        hours.addWidget(self.window_start)
        hours.addWidget(QLabel(self.tr("and")))
        hours.addWidget(self.window_end)
        self.daily = QSpinBox()
        self.daily.setRange(0, 10_000_000)
        self.daily.setSuffix(self.tr(" MiB"))
        self.daily.setSpecialValueText(self.tr("no limit"))
        self.daily.setValue((settings.daily_budget or 0) // MiB)
        self.daily.setAccessibleName(self.tr("Data budget per day"))
        spending = QGroupBox(self.tr("When and how much to download"))
        form = QFormLayout(spending)
        form.addRow(self.use_window, hours)
        form.addRow(self.tr("Data budget per &day"), self.daily)

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox()
        start = buttons.addButton(self.tr("&Start"), QDialogButtonBox.ButtonRole.AcceptRole)
        start.setDefault(True)
        buttons.addButton(self.tr("S&kip"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.on_start_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(language_row)
        for widget in (where, starters, spending, self.problem, buttons):
            layout.addWidget(widget)

    @staticmethod
    def _hour(value: int, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 23)
        spin.setSuffix(":00")
        spin.setValue(value)
        spin.setAccessibleName(name)
        return spin

    def on_choose_clicked(self) -> None:
        """Ask for a folder (a USB stick's, say) with the system's folder chooser."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the library"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def on_start_clicked(self) -> None:
        """Accept, unless the folder cannot be used; then say why and stay open."""
        folder = Path(self.folder.text().strip()).expanduser()
        problem = ""
        if not folder.is_absolute():
            problem = self.tr("Give the folder's whole path, from the top.")
        elif folder.exists() and not folder.is_dir():
            problem = self.tr("That is a file, not a folder.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            self.accept()

    def chosen(self) -> Welcome:
        """What the dialog shows, to set up."""
        folder = Path(self.folder.text().strip()).expanduser()
        ticked = tuple(
            starter
            for row, starter in enumerate(STARTERS)
            if self.starter_list.item(row).checkState() == Qt.CheckState.Checked
        )
        window = (
            (self.window_start.value(), self.window_end.value())
            if self.use_window.isChecked() and self.window_start.value() != self.window_end.value()
            else None
        )
        settings = replace(
            self.original,
            media_window=window,
            daily_budget=self.daily.value() * MiB or None,
            language=str(self.language.currentData()),
        )
        return Welcome(None if folder == self.default_folder else folder, ticked, settings)
