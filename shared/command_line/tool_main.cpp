#include "tool_main.h"

#include <ostream>

namespace shouwang {

int runTool(const Tool& tool, int argc, const char* const* argv, std::ostream& out, std::ostream& err)
{
    const auto refuse = [&](const CommandError& e) {
        out.flush();
        err << "错误 / error: " << e.message << '\n';
        return e.status;
    };
    try {
        const CommandLine cl = tool.parse(argc, argv);
        if (cl.has("help")) {
            out << tool.usage;
            return 0;
        }
        if (cl.has("version")) {
            out << tool.name << ' ' << tool.version << " (protocol " << tool.protocol << ")\n";
            return 0;
        }
        if (cl.words.empty())
            throw CommandError{"缺少命令，见 --help / no command given, see --help", kExitUsage};
        tool.run(cl, out);
        out.flush();
        return 0;
    } catch (const CommandError& e) {
        return refuse(e);
    } catch (const std::exception& e) {
        if (tool.explain) {
            if (std::optional<CommandError> explained = tool.explain(e))
                return refuse(*explained);
        }
        return refuse(CommandError{e.what(), 1});
    }
}

} // namespace shouwang
