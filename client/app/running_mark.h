#pragma once

// While the client runs it holds a named mutex, ShouwangClient, in its Windows session
// (Local\) and across sessions (Global\). The installer and uninstaller look for it
// (CPACK_SHOUWANG_APP_MUTEX, packaging/nsis/NSIS.template.in) and ask the user to close the
// client before they replace or remove its files, rather than end it with a form half
// filled in. Elsewhere nothing is needed: on Linux a running program keeps the files a
// package upgrade replaces.

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#endif

namespace shouwang::ui {

inline void markClientRunning()
{
#ifdef _WIN32
    // Held until the process ends, when Windows closes the handles; a second client just
    // opens the same mutexes.
    CreateMutexW(nullptr, FALSE, L"Local\\ShouwangClient");
    CreateMutexW(nullptr, FALSE, L"Global\\ShouwangClient");
#endif
}

} // namespace shouwang::ui
