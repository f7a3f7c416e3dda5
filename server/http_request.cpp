#include "http_request.h"

#include <boost/beast/http/field.hpp>

namespace shouwang::server {

Request toRequest(const boost::beast::http::request_header<>& header, std::string body, const std::string& address)
{
    namespace http = boost::beast::http;
    Request r;
    r.method = std::string(header.method_string());
    r.target = std::string(header.target());
    r.body = std::move(body);
    r.contentEncoding = std::string(header[http::field::content_encoding]);
    r.acceptEncoding = std::string(header[http::field::accept_encoding]);
    r.authorization = std::string(header[http::field::authorization]);
    r.clientAddress = address;
    return r;
}

} // namespace shouwang::server
