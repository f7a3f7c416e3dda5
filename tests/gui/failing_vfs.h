#pragma once

// A ledger file that goes away under the program: a SQLite VFS over the real one, made the
// default for the test process, that answers every lock of the shared WAL index with an I/O
// error while `failing` is set — what SQLite reports when the drive holding the file is gone.
// The file itself stays a real SQLite file on disk.

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace shouwang::test {

class FailingVfs {
public:
    static FailingVfs& instance()
    {
        static FailingVfs vfs;
        return vfs;
    }
    void setFailing(bool on) { failing = on; }

    static inline std::atomic<bool> failing{false};

private:
    struct File {
        sqlite3_file base;
        sqlite3_file* real; // allocated right after this struct
    };

    static sqlite3_vfs*& real()
    {
        static sqlite3_vfs* vfs = nullptr;
        return vfs;
    }
    static sqlite3_file* of(sqlite3_file* f) { return reinterpret_cast<File*>(f)->real; }

    FailingVfs()
    {
        real() = sqlite3_vfs_find(nullptr);
        m_vfs = *real();
        m_vfs.zName = "failing";
        m_vfs.szOsFile = static_cast<int>(sizeof(File)) + real()->szOsFile;
        m_vfs.xOpen = &open;
        m_vfs.pNext = nullptr;
        sqlite3_vfs_register(&m_vfs, 1);
        std::memset(&m_io, 0, sizeof m_io);
        m_io.iVersion = 3;
        m_io.xClose = [](sqlite3_file* f) { return of(f)->pMethods->xClose(of(f)); };
        m_io.xRead = [](sqlite3_file* f, void* b, int n, sqlite3_int64 o) {
            return failing ? SQLITE_IOERR_READ : of(f)->pMethods->xRead(of(f), b, n, o);
        };
        m_io.xWrite = [](sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
            return failing ? SQLITE_IOERR_WRITE : of(f)->pMethods->xWrite(of(f), b, n, o);
        };
        m_io.xTruncate = [](sqlite3_file* f, sqlite3_int64 s) { return of(f)->pMethods->xTruncate(of(f), s); };
        m_io.xSync = [](sqlite3_file* f, int flags) { return of(f)->pMethods->xSync(of(f), flags); };
        m_io.xFileSize = [](sqlite3_file* f, sqlite3_int64* s) { return of(f)->pMethods->xFileSize(of(f), s); };
        m_io.xLock = [](sqlite3_file* f, int l) { return of(f)->pMethods->xLock(of(f), l); };
        m_io.xUnlock = [](sqlite3_file* f, int l) { return of(f)->pMethods->xUnlock(of(f), l); };
        m_io.xCheckReservedLock = [](sqlite3_file* f, int* r) { return of(f)->pMethods->xCheckReservedLock(of(f), r); };
        m_io.xFileControl = [](sqlite3_file* f, int op, void* a) { return of(f)->pMethods->xFileControl(of(f), op, a); };
        m_io.xSectorSize = [](sqlite3_file* f) { return of(f)->pMethods->xSectorSize(of(f)); };
        m_io.xDeviceCharacteristics = [](sqlite3_file* f) { return of(f)->pMethods->xDeviceCharacteristics(of(f)); };
        m_io.xShmMap = [](sqlite3_file* f, int page, int size, int extend, void volatile** p) {
            return of(f)->pMethods->xShmMap(of(f), page, size, extend, p);
        };
        m_io.xShmLock = [](sqlite3_file* f, int offset, int n, int flags) {
            // Unlocking always succeeds, so the connection can give up cleanly.
            if (failing && (flags & SQLITE_SHM_LOCK))
                return SQLITE_IOERR_SHMLOCK;
            return of(f)->pMethods->xShmLock(of(f), offset, n, flags);
        };
        m_io.xShmBarrier = [](sqlite3_file* f) { of(f)->pMethods->xShmBarrier(of(f)); };
        m_io.xShmUnmap = [](sqlite3_file* f, int d) { return of(f)->pMethods->xShmUnmap(of(f), d); };
        m_io.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
            *p = nullptr; // no memory-mapped reads: every read goes through xRead
            (void)f, (void)o, (void)n;
            return SQLITE_OK;
        };
        m_io.xUnfetch = [](sqlite3_file*, sqlite3_int64, void*) { return SQLITE_OK; };
    }

    static int open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags)
    {
        auto* wrapper = reinterpret_cast<File*>(file);
        wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
        const int rc = real()->xOpen(real(), name, wrapper->real, flags, outFlags);
        file->pMethods = (rc == SQLITE_OK && wrapper->real->pMethods) ? &instance().m_io : nullptr;
        return rc;
    }

    sqlite3_vfs m_vfs{};
    sqlite3_io_methods m_io{};
};

} // namespace shouwang::test
