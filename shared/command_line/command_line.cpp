#include "command_line.h"

#include "domain/text.h"

namespace shouwang {

const std::string& CommandLine::word(std::size_t n, const char* what) const
{
    if (words.size() <= n)
        throw CommandError{std::string("缺少参数 / missing argument: ") + what, kExitUsage};
    return words[n];
}

std::size_t CommandLine::number(const std::string& name, std::size_t fallback) const
{
    if (!has(name))
        return fallback;
    const std::string text = option(name);
    if (!isDigits(text) || text.size() > 9) // nine digits fit any std::size_t
        throw CommandError{"--" + name + " 须为非负整数 / must be a non-negative integer: " + text, kExitUsage};
    return std::stoul(text);
}

CommandLine parseCommandLine(int argc, const char* const* argv, const OptionNames& valued, const OptionNames& flags)
{
    CommandLine cl;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0 || arg.size() == 2) {
            cl.words.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2), value;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        } else if (valued.count(name)) {
            if (i + 1 >= argc)
                throw CommandError{"选项缺少取值 / option needs a value: " + arg, kExitUsage};
            value = argv[++i];
        } else {
            value = "1";
        }
        if (!valued.count(name) && !flags.count(name))
            throw CommandError{"未知选项 / unknown option: " + arg, kExitUsage};
        cl.options[name] = value;
    }
    return cl;
}

} // namespace shouwang
