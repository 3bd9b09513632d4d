"""The tree's filters: only projects with findings, only projects of one (effective) review status."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from kpi_editor.domain.model import Department, Project
from kpi_editor.domain.review import EffectiveStatus
from kpi_editor.gui.tree.model import SORT_ROLE, BookletTreeModel


class TreeFilter(QSortFilterProxyModel):
    """Shows only departments and projects that pass the filters (indicator rows always stay), and
    sorts units and projects by a column when asked (rows keep the table's order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.only_findings = False
        # 审核 status filter, as statuses are shown (已修改待复审 is one); None shows all.
        self.review_status: EffectiveStatus | None = None
        self.setSortRole(SORT_ROLE)

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if left.parent().isValid() and left.parent().parent().isValid():
            # Indicator rows: always in the project's order, whichever way the column sorts.
            return (left.row() < right.row()) != (self.sortOrder() == Qt.SortOrder.DescendingOrder)
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a == b:
            return left.row() < right.row()
        return bool(a < b)

    def source(self) -> BookletTreeModel:
        model = self.sourceModel()
        assert isinstance(model, BookletTreeModel)
        return model

    @property
    def active(self) -> bool:
        return self.only_findings or self.review_status is not None

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.active:
            return True
        model = self.source()
        path = (*model.path(parent), row)
        booklet = model.document.booklet
        if len(path) == 1:
            department = booklet.departments[row]
            return any(self._shows(department, p) for p in department.projects)
        if len(path) == 2:
            department = booklet.departments[path[0]]
            return self._shows(department, department.projects[row])
        return True

    def _shows(self, department: Department, project: Project) -> bool:
        model = self.source()
        if self.only_findings and not model.document.project_findings(project.id):
            return False
        return self.review_status is None or model.status(department, project) is self.review_status
