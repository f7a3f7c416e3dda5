#include "enrollment.h"

#include "sync/crypto.h"

#include "domain/date.h"
#include "domain/divisions.h"

namespace shouwang::server {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
static_assert(kAlphabet.size() == 32, "256 is a multiple of 32, so byte % 32 is unbiased");

} // namespace

std::string newEnrollmentCode()
{
    const std::string bytes = crypto::randomBytes(12);
    std::string code;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            code += '-';
        code += kAlphabet[static_cast<unsigned char>(bytes[i]) % kAlphabet.size()];
    }
    return code;
}

std::string normalizeEnrollmentCode(std::string_view typed)
{
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ' || c == '\t')
            continue;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

std::string enrollmentCodeHash(std::string_view typed)
{
    return crypto::sha256Hex(normalizeEnrollmentCode(typed));
}

bool mayEnrollWithin(const Scope& area, const Scope& wanted)
{
    return area.contains(wanted) && (wanted.kind == Scope::Kind::City || findDivision(wanted.code));
}

IssuedCode issueEnrollmentCode(const Scope& scope, int days, std::int64_t nowMillis)
{
    IssuedCode issued;
    issued.code = newEnrollmentCode();
    issued.entry.codeHash = enrollmentCodeHash(issued.code);
    issued.entry.scope = scope;
    issued.entry.createdAt = formatDateTime(nowMillis);
    issued.entry.expiresAt = formatDateTime(nowMillis + static_cast<std::int64_t>(days) * 24 * 3600 * 1000);
    return issued;
}

} // namespace shouwang::server
