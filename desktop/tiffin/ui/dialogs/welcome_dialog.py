"""The first run's welcome: the language, where the library lives (the platform's folder or,
say, a USB stick), which starter subscriptions to add, and when and how much to download."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tiffin.config import Settings
from tiffin.first_run import Welcome
from tiffin.sources.starters import STARTERS, in_language
from tiffin.ui.address_field import address_field
from tiffin.ui.dialogs.fields import LanguageBox, MediaHours, MiB, number_box
from tiffin.ui.i18n import chosen_locale


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
        self.language = LanguageBox(settings.language)
        language_row = QFormLayout()
        # Named in Urdu too, for a reader of Urdu on a system set to English (and the Urdu
        # translation of "&Language" is the English word, for the other way round)
        language_row.addRow(self.tr("&Language") + " · زبان", self.language)

        self.folder = address_field(str(default_folder))
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
            entry = QListWidgetItem()
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            entry.setToolTip(starter.url)
            self.starter_list.addItem(entry)
        self.name_starters()
        self.language.currentIndexChanged.connect(self.name_starters)
        starters = QGroupBox(self.tr("Starter subscriptions (untick what you do not want)"))
        QVBoxLayout(starters).addWidget(self.starter_list)

        self.hours = MediaHours(settings.media_window, self)
        self.daily = number_box(
            10_000_000,
            self.tr(" MiB"),
            self.tr("no limit"),
            (settings.daily_budget or 0) // MiB,
            self.tr("Data budget per day"),
        )
        spending = QGroupBox(self.tr("When and how much to download"))
        form = QFormLayout(spending)
        form.addRow(self.hours.checkbox, self.hours.row)
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

    def name_starters(self) -> None:
        """Label the starters with their folders named in the language chosen (the one in use
        while it is "As the system")."""
        language = _language_code(self.language.code())
        for row, starter in enumerate(STARTERS):
            named = in_language(starter, language)
            self.starter_list.item(row).setText(f"{named.title}  —  {named.folder}")

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
        language = self.language.code()
        ticked = tuple(
            in_language(starter, _language_code(language))
            for row, starter in enumerate(STARTERS)
            if self.starter_list.item(row).checkState() == Qt.CheckState.Checked
        )
        settings = replace(
            self.original,
            media_window=self.hours.window(),
            daily_budget=self.daily.value() * MiB or None,
            language=language,
        )
        return Welcome(None if folder == self.default_folder else folder, ticked, settings)


def _language_code(language: str) -> str:
    """The two-letter code of a language setting ("": the language in use, which follows the
    system's), the one the starters are shown in and then made in."""
    return (chosen_locale(language) if language else QLocale()).name().split("_")[0]
