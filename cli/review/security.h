// Who may talk to the review server. The server listens on 127.0.0.1 only, but any web page the
// reviewer visits can make the browser send requests there, and a DNS-rebinding attack can make
// such requests look same-origin. So every request must
//   - name the server itself in Host (127.0.0.1:PORT or localhost:PORT): a rebound name fails;
//   - come from the server's own page when it says where it comes from (Origin, Sec-Fetch-Site);
//   - carry the secret token printed at start-up: in the X-Tandem-Token header, or, for the
//     page itself (GET /), in the query (?token=...), which is how the printed address works.
// A custom header cannot be sent cross-origin without a CORS preflight, which the server never
// grants, so the header token also keeps other sites' scripts out.
#pragma once

#include <optional>
#include <string>

namespace tandem::cli::review {

struct RequestFacts {
  std::string method;
  std::string path;
  std::string host;          // the Host header
  std::string origin;        // the Origin header, empty when absent
  std::string fetch_site;    // the Sec-Fetch-Site header, empty when absent
  std::string header_token;  // X-Tandem-Token
  std::string query_token;   // ?token=
};

struct Refusal {
  int status = 403;
  std::string message;
};

// Nullopt when the request may be served by a server on `port` whose secret is `token`.
std::optional<Refusal> CheckRequest(const RequestFacts& request, const std::string& token,
                                    int port);

// A new secret: 32 random bytes from the operating system, as 64 hex digits.
std::string NewToken();

// Compares in time independent of where the strings differ.
bool SameSecret(const std::string& a, const std::string& b);

}  // namespace tandem::cli::review
