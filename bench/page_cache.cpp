#include "page_cache.h"

#include <fcntl.h>
#include <unistd.h>

namespace shouwang::bench {

namespace {

bool evictFile(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0)
        return false;
    ::fdatasync(fd);
    const bool ok = ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
    ::close(fd);
    return ok;
}

} // namespace

bool evictFromPageCache(const std::string& dbPath)
{
    ::sync();
    const bool ok = evictFile(dbPath);
    evictFile(dbPath + "-wal");
    return ok;
}

} // namespace shouwang::bench
