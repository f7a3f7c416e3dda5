#include "private_file.h"

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <fstream>
#endif

namespace shouwang {

#ifndef _WIN32
bool createPrivateFile(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return false;
    // An existing file keeps its mode through O_CREAT: narrow it before anything is written.
    const bool narrowed = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
    ::close(fd);
    return narrowed;
}

void restrictFileToOwner(const std::string& path)
{
    ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
}
#else
bool createPrivateFile(const std::string& path)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    return static_cast<bool>(out);
}

void restrictFileToOwner(const std::string&) {}
#endif

} // namespace shouwang
