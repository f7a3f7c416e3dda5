#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace shouwang::test {

// A fresh folder under the system temp dir, removed with everything in it at scope exit:
// every test works on real files.
class TempDir {
public:
    TempDir()
        : TempDir(std::filesystem::temp_directory_path())
    {
    }
    // Under `parent` instead of the system temp dir.
    explicit TempDir(const std::filesystem::path& parent)
    {
        std::random_device rd;
        m_path = parent / ("shouwang-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

} // namespace shouwang::test
