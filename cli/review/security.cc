#include "review/security.h"

#include <array>
#include <cctype>
#include <fstream>
#include <random>

#include <fmt/format.h>

namespace tandem::cli::review {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool OurHost(const std::string& host, int port) {
  const std::string h = Lower(host);
  return h == fmt::format("127.0.0.1:{}", port) || h == fmt::format("localhost:{}", port);
}

bool OurOrigin(const std::string& origin, int port) {
  const std::string o = Lower(origin);
  return o == fmt::format("http://127.0.0.1:{}", port) ||
         o == fmt::format("http://localhost:{}", port);
}

}  // namespace

std::optional<Refusal> CheckRequest(const RequestFacts& request, const std::string& token,
                                    int port) {
  if (!OurHost(request.host, port)) {
    return Refusal{403, fmt::format("refused: the request is for host \"{}\", not this server "
                                    "(127.0.0.1:{})",
                                    request.host, port)};
  }
  if (!request.origin.empty() && !OurOrigin(request.origin, port)) {
    return Refusal{
        403, fmt::format("refused: the request comes from another site (\"{}\")", request.origin)};
  }
  if (!request.fetch_site.empty() && request.fetch_site != "same-origin" &&
      request.fetch_site != "none") {
    return Refusal{403, "refused: the request comes from another site"};
  }
  const bool page = request.method == "GET" && request.path == "/";
  const std::string& given = !request.header_token.empty() ? request.header_token
                             : page                        ? request.query_token
                                                           : request.header_token;
  if (given.empty() || !SameSecret(given, token)) {
    return Refusal{403, page ? "refused: open the address tandem review printed, with its token"
                             : "refused: missing or wrong token"};
  }
  return std::nullopt;
}

std::string NewToken() {
  std::array<unsigned char, 32> bytes{};
  std::ifstream urandom("/dev/urandom", std::ios::binary);
  if (!urandom.read(reinterpret_cast<char*>(bytes.data()), bytes.size())) {
    // No /dev/urandom: the C++ library's non-deterministic source (the same kernel source on
    // Linux, through another interface).
    std::random_device device;
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(device());
  }
  std::string hex;
  for (const unsigned char b : bytes) hex += fmt::format("{:02x}", b);
  return hex;
}

bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

}  // namespace tandem::cli::review
