#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace shouwang::server {

// Copies the county database's write-ahead log back into the database file on a thread of
// its own (a PASSIVE checkpoint every `period`), so the merge's commits never wait for it.
// With SQLite's automatic checkpoint, every few group commits one of them also wrote the
// log into the file and fsynced it: 200–350 ms on the writer's critical path during the
// daily rush (docs/performance.md). The writer's connection turns the automatic one off.
class Checkpointer {
public:
    Checkpointer(std::string path, std::chrono::milliseconds period);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

private:
    void run();

    std::string m_path;
    std::chrono::milliseconds m_period;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace shouwang::server
