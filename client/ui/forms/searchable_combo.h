#pragma once

class QComboBox;

namespace shouwang::ui {

// Lets a drop-down be searched by typing any part of a name (开州 finds 开州区), with a
// pinyin input method as well as with letters: the list stays the only source of values.
void makeSearchable(QComboBox* combo);

} // namespace shouwang::ui
