// Names for the controls of Datasette's filter form, which has no <label>s (axe-core: "select-name",
// "label"): screen readers announce what each one does.
const NAMES = {_filter_column: "Filter column", _filter_op: "Filter operator", _filter_value: "Filter value",
               _sort: "Sort by", _sort_by_desc: "Sort descending"};
for (const control of document.querySelectorAll("form.filters select, form.filters input")) {
  const name = NAMES[control.name.replace(/_\d+$/, "")];
  if (name && !control.labels?.length && !control.getAttribute("aria-label")) {
    control.setAttribute("aria-label", name);
  }
}
