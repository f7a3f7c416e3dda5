#pragma once

#include <string>
#include <string_view>

namespace shouwang {

// Files that hold personal data (bundles, bundle answers, CSV and Excel exports, reports)
// are readable by their owner only: 0600 on POSIX, created so from the first byte rather
// than narrowed afterwards. On Windows a file takes its folder's permissions, which are
// the user's own in the places people save to; there these do nothing.

// Creates `path` empty with mode 0600 (or empties an existing file and sets its mode to
// 0600), so a stream opened on it next inherits the mode. False when it cannot be created.
bool createPrivateFile(const std::string& path);

// Narrows a file another library wrote under its own rules to 0600.
void restrictFileToOwner(const std::string& path);

// What the command-line tools print after the path of such a file.
inline constexpr std::string_view kPrivateFileNote = "（仅本用户可读写 / readable by its owner only）";

} // namespace shouwang
