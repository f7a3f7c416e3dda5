#pragma once

#include "api.h"

#include <boost/beast/http/message.hpp>

#include <string>

namespace shouwang::server {

// The request as the handler (api.h) sees it, from Beast's header, the body read and the
// peer's address. The session and the HTTP fuzz target (fuzz/fuzz_http.cpp) both call
// this, so the fuzzer exercises the server's own conversion.
Request toRequest(const boost::beast::http::request_header<>& header, std::string body, const std::string& address);

} // namespace shouwang::server
