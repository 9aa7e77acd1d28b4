#include "review/security.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace tandem::cli::review {
namespace {

const std::string kToken(64, 'a');
constexpr int kPort = 8123;

struct Case {
  std::string what;
  RequestFacts request;
  bool allowed;
};

RequestFacts Api(std::string host = "127.0.0.1:8123") {
  return {.method = "POST", .path = "/api/edit", .host = std::move(host), .header_token = kToken};
}

// Every way in, and every way a request is turned away.
std::vector<Case> Cases() {
  std::vector<Case> cases = {
      {"api with the token", Api(), true},
      {"localhost names the server too", Api("localhost:8123"), true},
      {"host names are case-insensitive", Api("LocalHost:8123"), true},
      {"a rebound name", Api("evil.example:8123"), false},
      {"another port", Api("127.0.0.1:9999"), false},
      {"no port", Api("127.0.0.1"), false},
      {"no host", Api(""), false},
      {"the page with the token in the query",
       {.method = "GET", .path = "/", .host = "127.0.0.1:8123", .query_token = kToken},
       true},
      {"the page without a token", {.method = "GET", .path = "/", .host = "127.0.0.1:8123"}, false},
      {"the page with a wrong token",
       {.method = "GET", .path = "/", .host = "127.0.0.1:8123", .query_token = kToken + "b"},
       false},
      {"the api does not take the query token",
       {.method = "GET", .path = "/api/corpus", .host = "127.0.0.1:8123", .query_token = kToken},
       false},
      {"api without a token",
       {.method = "GET", .path = "/api/corpus", .host = "127.0.0.1:8123"},
       false},
  };
  RequestFacts wrong = Api();
  wrong.header_token = std::string(64, 'b');
  cases.push_back({"a wrong token of the right length", wrong, false});
  RequestFacts shorter = Api();
  shorter.header_token = kToken.substr(0, 63);
  cases.push_back({"a prefix of the token", shorter, false});
  RequestFacts same_origin = Api();
  same_origin.origin = "http://127.0.0.1:8123";
  same_origin.fetch_site = "same-origin";
  cases.push_back({"from the page itself", same_origin, true});
  RequestFacts localhost_origin = Api("localhost:8123");
  localhost_origin.origin = "http://localhost:8123";
  cases.push_back({"from the page opened as localhost", localhost_origin, true});
  RequestFacts foreign = Api();
  foreign.origin = "http://evil.example";
  cases.push_back({"from another site", foreign, false});
  RequestFacts null_origin = Api();
  null_origin.origin = "null";
  cases.push_back({"from a sandboxed or file page", null_origin, false});
  RequestFacts other_port = Api();
  other_port.origin = "http://127.0.0.1:9999";
  cases.push_back({"from another local server", other_port, false});
  RequestFacts https = Api();
  https.origin = "https://127.0.0.1:8123";
  cases.push_back({"from https", https, false});
  RequestFacts cross = Api();
  cross.fetch_site = "cross-site";
  cases.push_back({"a cross-site fetch without Origin", cross, false});
  RequestFacts same_site = Api();
  same_site.fetch_site = "same-site";
  cases.push_back({"a same-site but other-origin fetch", same_site, false});
  RequestFacts typed = {.method = "GET",
                        .path = "/",
                        .host = "127.0.0.1:8123",
                        .fetch_site = "none",
                        .query_token = kToken};
  cases.push_back({"the address typed into the browser", typed, true});
  return cases;
}

TEST(ReviewSecurity, AdmitsOnlyTheServersOwnPageWithTheToken) {
  for (const Case& c : Cases()) {
    const std::optional<Refusal> refusal = CheckRequest(c.request, kToken, kPort);
    EXPECT_EQ(!refusal.has_value(), c.allowed) << c.what;
    if (refusal) {
      EXPECT_EQ(refusal->status, 403) << c.what;
      EXPECT_FALSE(refusal->message.empty());
      EXPECT_EQ(refusal->message.find(kToken), std::string::npos) << "the refusal tells the token";
    }
  }
}

TEST(ReviewSecurity, TokensAreLongFreshAndHex) {
  const std::string a = NewToken();
  const std::string b = NewToken();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ReviewSecurity, ComparesSecrets) {
  EXPECT_TRUE(SameSecret("abc", "abc"));
  EXPECT_FALSE(SameSecret("abc", "abd"));
  EXPECT_FALSE(SameSecret("abc", "abcd"));
  EXPECT_FALSE(SameSecret("", "a"));
}

}  // namespace
}  // namespace tandem::cli::review
