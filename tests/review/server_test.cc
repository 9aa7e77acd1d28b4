// The review server as users get it: the real `tandem review` binary, spoken to over TCP with
// hand-made requests (so that Host, Origin and sizes can be anything).
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <netinet/in.h>
#include <random>
#include <signal.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "generated_corpus.h"
#include "tandem/tei/reader.h"
#include "tandem/tei/writer.h"
#include "test_util.h"

namespace tandem {
namespace {

using nlohmann::json;

struct HttpAnswer {
  int status = 0;
  std::string head;
  std::string body;
  std::string Header(const std::string& name) const {
    std::istringstream in(head);
    std::string line;
    while (std::getline(in, line)) {
      if (line.size() > name.size() && strncasecmp(line.c_str(), name.c_str(), name.size()) == 0 &&
          line[name.size()] == ':') {
        std::string value = line.substr(name.size() + 1);
        while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.pop_back();
        return value;
      }
    }
    return "";
  }
};

// Sends `request` as it is to 127.0.0.1:port and reads the answer until the server closes.
HttpAnswer Send(int port, const std::string& request) {
  HttpAnswer answer;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return answer;
  }
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string raw;
  char buffer[65536];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) raw.append(buffer, n);
  ::close(fd);
  const std::size_t end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || end == std::string::npos) return answer;
  answer.status = std::stoi(raw.substr(9, 3));
  answer.head = raw.substr(0, end);
  answer.body = raw.substr(end + 4);
  return answer;
}

// Sends `head` and then `pieces` (more bytes of the body, as they come) to 127.0.0.1:port and
// reads the answer until the server closes the connection or `seconds` pass. The sending stops
// when the server closes the connection early (it refused the rest).
struct StreamedAnswer {
  HttpAnswer answer;
  std::size_t body_sent = 0;  // bytes of the pieces sent
  bool closed = false;        // the server closed the connection (else: timed out)
};
StreamedAnswer SendStreamed(int port, const std::string& head, std::size_t pieces,
                            const std::string& piece, const std::string& tail, int seconds) {
  StreamedAnswer result;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{seconds, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return result;
  }
  auto send_all = [&](const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  };
  bool open = send_all(head);
  for (std::size_t k = 0; open && k < pieces; ++k) {
    open = send_all(piece);
    if (open) result.body_sent += piece.size();
  }
  if (open) send_all(tail);
  std::string raw;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      raw.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    result.closed = n == 0 || errno == ECONNRESET;
    break;
  }
  ::close(fd);
  const std::size_t end = raw.find("\r\n\r\n");
  if (raw.size() >= 12 && end != std::string::npos) {
    result.answer.status = std::stoi(raw.substr(9, 3));
    result.answer.head = raw.substr(0, end);
    result.answer.body = raw.substr(end + 4);
  }
  return result;
}

// `tandem review` on a corpus, for as long as the object lives.
class ReviewServer {
 public:
  // `extra`: more arguments; `err_path`: where its standard error goes (empty: nowhere).
  explicit ReviewServer(const std::string& corpus, const std::vector<std::string>& extra = {},
                        const std::string& err_path = "") {
    int out[2];
    EXPECT_EQ(::pipe(out), 0);
    std::vector<std::string> args = {TANDEM_BINARY, "review", corpus, "--reviewer", "api-test"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      // What the server says for people goes nowhere in tests, unless asked for.
      const int err = err_path.empty()
                          ? ::open("/dev/null", O_WRONLY)
                          : ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(err, 2);
      ::close(out[0]);
      ::close(out[1]);
      ::execv(TANDEM_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c = 0;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    // http://127.0.0.1:PORT/?token=TOKEN; nothing when the server did not start.
    if (line.empty()) return;
    const std::size_t colon = line.find(':', 7);
    const std::size_t slash = line.find('/', colon);
    const std::size_t equals = line.find('=');
    EXPECT_EQ(line.rfind("http://127.0.0.1:", 0), 0u) << line;
    if (colon == std::string::npos || slash == std::string::npos || equals == std::string::npos) {
      return;
    }
    port_ = std::stoi(line.substr(colon + 1, slash - colon - 1));
    token_ = line.substr(equals + 1);
  }
  ~ReviewServer() { Stop(SIGTERM); }
  ReviewServer(const ReviewServer&) = delete;
  ReviewServer& operator=(const ReviewServer&) = delete;

  // Stops the server with `signal`; its exit code (128 + signal when killed).
  int Stop(int signal) {
    if (pid_ <= 0) return exit_code_;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = 0;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return exit_code_;
  }

  // Like Stop, but a server still running after `seconds` is killed and -1 returned.
  int StopWithin(int signal, int seconds) {
    if (pid_ <= 0) return exit_code_;
    ::kill(pid_, signal);
    int status = 0;
    for (int k = 0; k < seconds * 100; ++k) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = 0;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
      }
      ::usleep(10'000);
    }
    Stop(SIGKILL);
    return exit_code_ = -1;
  }

  int port() const { return port_; }
  const std::string& token() const { return token_; }
  std::string host() const { return "127.0.0.1:" + std::to_string(port_); }

  // A request with the right Host and token unless `headers` say otherwise.
  HttpAnswer Call(const std::string& method, const std::string& path, const std::string& body = "",
                  std::map<std::string, std::string> headers = {}) const {
    headers.try_emplace("Host", host());
    headers.try_emplace("X-Tandem-Token", token_);
    if (method == "POST") headers.try_emplace("Content-Type", "application/json");
    std::string request = method + " " + path + " HTTP/1.1\r\n";
    for (const auto& [name, value] : headers) {
      if (!value.empty()) request += name + ": " + value + "\r\n";
    }
    request += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
    return Send(port_, request + body);
  }

  std::uint64_t Version() const {
    return json::parse(Call("GET", "/api/state").body)["version"].get<std::uint64_t>();
  }

  // Waits until the server has written every edit (or reports a conflict); the state.
  json Saved() const {
    for (int i = 0; i < 500; ++i) {
      const json state = json::parse(Call("GET", "/api/state").body);
      if (state["version"] == state["saved_version"] || state["conflict"] != "") return state;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "the server did not save in 5 s";
    return json::object();
  }

 private:
  pid_t pid_ = 0;
  int port_ = 0;
  std::string token_;
  int exit_code_ = 0;
};

class ReviewServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::GenerateOptions options;
    options.beads = 40;
    options.review = false;
    const corpora::Bitext bitext = testing::GenerateBitext(options);
    path_ = dir_.File("pair.tei.xml");
    ASSERT_TRUE(tei::WriteTeiFile(bitext, {.output_path = path_}).ok());
  }

  std::size_t BeadsOnDisk() {
    StatusOr<corpora::Bitext> read = tei::ReadTeiFile(path_);
    EXPECT_TRUE(read.ok()) << read.status().message();
    return read.ok() ? read->ladder.size() : 0;
  }

  testing::TempDir dir_;
  std::string path_;
};

TEST_F(ReviewServerTest, ListensOnLoopbackOnly) {
  ReviewServer server(path_);
  ASSERT_GT(server.port(), 0);
  // The kernel's table of listening TCP sockets: ours is bound to 127.0.0.1 (0100007F), not to
  // every address (00000000).
  std::ifstream tcp("/proc/net/tcp");
  std::string line;
  char port_hex[8];
  std::snprintf(port_hex, sizeof port_hex, "%04X", server.port());
  bool found = false;
  while (std::getline(tcp, line)) {
    if (line.find(std::string(":") + port_hex + " ") == std::string::npos) continue;
    if (line.find(" 0A ") == std::string::npos) continue;  // LISTEN
    found = true;
    EXPECT_NE(line.find("0100007F:" + std::string(port_hex)), std::string::npos) << line;
  }
  EXPECT_TRUE(found) << "no listening socket on port " << server.port();
}

// A stop signal that comes as soon as the address is printed (before the server accepts
// connections) still stops it, and it exits normally.
TEST_F(ReviewServerTest, StopsOnASignalRightAfterStarting) {
  for (int k = 0; k < 10; ++k) {
    ReviewServer server(path_);
    ASSERT_GT(server.port(), 0);
    ASSERT_EQ(server.StopWithin(SIGTERM, 10), 0) << "run " << k;
  }
}

TEST_F(ReviewServerTest, ThePageNeedsTheToken) {
  ReviewServer server(path_);
  EXPECT_EQ(server.Call("GET", "/", "", {{"X-Tandem-Token", "-"}}).status, 403);
  EXPECT_EQ(server.Call("GET", "/?token=0123", "", {{"X-Tandem-Token", "-"}}).status, 403);
  const HttpAnswer page =
      server.Call("GET", "/?token=" + server.token(), "", {{"X-Tandem-Token", ""}});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.Header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("tandem review"), std::string::npos);
  // Only the page's own script and style run; nothing is loaded from elsewhere.
  const std::string csp = page.Header("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("script-src 'nonce-"), std::string::npos) << csp;
  EXPECT_EQ(page.body.find("src=\"http"), std::string::npos);
  EXPECT_EQ(page.Header("Cache-Control"), "no-store");
  EXPECT_EQ(page.Header("X-Frame-Options"), "DENY");
}

TEST_F(ReviewServerTest, TheApiNeedsTheTokenHeader) {
  ReviewServer server(path_);
  EXPECT_EQ(server.Call("GET", "/api/corpus", "", {{"X-Tandem-Token", "-"}}).status, 403);
  EXPECT_EQ(server.Call("GET", "/api/corpus?token=" + server.token(), "", {{"X-Tandem-Token", "-"}})
                .status,
            403);
  const HttpAnswer corpus = server.Call("GET", "/api/corpus");
  ASSERT_EQ(corpus.status, 200);
  EXPECT_EQ(json::parse(corpus.body)["data"]["beads"].size(), 40u);
  // Refused requests change nothing.
  const std::string before = testing::ReadFile(path_);
  EXPECT_EQ(server
                .Call("POST", "/api/edit", R"({"version":1,"kind":"merge","bead":0})",
                      {{"X-Tandem-Token", server.token().substr(1)}})
                .status,
            403);
  EXPECT_EQ(testing::ReadFile(path_), before);
}

TEST_F(ReviewServerTest, ForeignHostsAndOriginsAreRefused) {
  ReviewServer server(path_);
  const std::string port = std::to_string(server.port());
  // DNS rebinding: a name that resolves to 127.0.0.1 but is not ours.
  EXPECT_EQ(server.Call("GET", "/api/state", "", {{"Host", "attacker.example:" + port}}).status,
            403);
  EXPECT_EQ(server.Call("GET", "/api/state", "", {{"Host", "127.0.0.1:1"}}).status, 403);
  EXPECT_EQ(server.Call("GET", "/api/state", "", {{"Host", "localhost:" + port}}).status, 200);
  EXPECT_EQ(server.Call("GET", "/api/state", "", {{"Origin", "http://attacker.example"}}).status,
            403);
  EXPECT_EQ(server.Call("GET", "/api/state", "", {{"Origin", "null"}}).status, 403);
  EXPECT_EQ(server.Call("GET", "/api/state", "", {{"Sec-Fetch-Site", "cross-site"}}).status, 403);
  EXPECT_EQ(server.Call("GET", "/api/state", "", {{"Origin", "http://127.0.0.1:" + port}}).status,
            200);
  const std::string before = testing::ReadFile(path_);
  const HttpAnswer refused =
      server.Call("POST", "/api/edit", R"({"version":1,"kind":"merge","bead":0})",
                  {{"Origin", "http://attacker.example"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(json::parse(refused.body)["error"].get<std::string>().find("another site"),
            std::string::npos);
  EXPECT_EQ(testing::ReadFile(path_), before);
}

TEST_F(ReviewServerTest, NothingButThePageAndTheApiIsServed) {
  ReviewServer server(path_);
  for (const std::string path :
       {"/pair.tei.xml", "/etc/passwd", "/../pair.tei.xml", "/api/../pair.tei.xml",
        "/%2e%2e/pair.tei.xml", "/api/corpus/../../etc/passwd", "/favicon.ico", "/api"}) {
    const HttpAnswer answer = server.Call("GET", path);
    EXPECT_EQ(answer.status, 404) << path;
    EXPECT_EQ(answer.body.find("teiCorpus"), std::string::npos) << path;
    EXPECT_EQ(answer.body.find("root:"), std::string::npos) << path;
  }
  EXPECT_EQ(server.Call("DELETE", "/api/corpus").status, 404);
}

TEST_F(ReviewServerTest, RequestSizesAreBounded) {
  ReviewServer server(path_);
  const std::string big =
      R"({"version":1,"kind":"note","bead":0,"note":")" + std::string(100'000, 'x') + "\"}";
  EXPECT_EQ(server.Call("POST", "/api/edit", big).status, 413);
  EXPECT_EQ(server
                .Call("POST", "/api/edit", R"({"version":1,"kind":"confirm","bead":0})",
                      {{"Content-Type", "text/plain"}})
                .status,
            415);
  // A long header line is refused too (cpp-httplib's limit).
  EXPECT_NE(server.Call("GET", "/api/state", "", {{"X-Padding", std::string(20'000, 'p')}}).status,
            200);
  EXPECT_EQ(server.Call("GET", "/api/state").status, 200);  // and the server still serves
}

// The 64 KiB limit holds whatever the transfer encoding: a chunked body, or one that runs until
// the connection closes, is refused as soon as it passes the limit, not read whole (10 MB were
// read and parsed before; 500 MB grew the server to 641 MB).
TEST_F(ReviewServerTest, ChunkedAndUnsizedBodiesAreBoundedToo) {
  ReviewServer server(path_);
  ASSERT_GT(server.port(), 0);
  const std::string head = "POST /api/edit HTTP/1.1\r\nHost: " + server.host() +
                           "\r\nX-Tandem-Token: " + server.token() +
                           "\r\nContent-Type: application/json\r\n";
  // A small chunked edit is served.
  const std::string edit = json{{"version", 1}, {"kind", "confirm"}, {"bead", 0}}.dump();
  StreamedAnswer r = SendStreamed(
      server.port(), head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n", 1,
      (std::ostringstream() << std::hex << edit.size() << "\r\n"
                            << edit << "\r\n")
          .str(),
      "0\r\n\r\n", 10);
  EXPECT_EQ(r.answer.status, 200) << r.answer.head << r.answer.body;
  // 20 MB in chunks of 4 KiB: refused after the first 64 KiB or so, at once, the connection
  // closed; the sender finds it closed long before the end.
  const std::string chunk = "1000\r\n" + std::string(4096, 'x') + "\r\n";
  const auto start = std::chrono::steady_clock::now();
  r = SendStreamed(server.port(), head + "Transfer-Encoding: chunked\r\n\r\n", 5000, chunk,
                   "0\r\n\r\n", 10);
  EXPECT_TRUE(r.answer.status == 413 || r.answer.status == 0) << r.answer.head;
  EXPECT_TRUE(r.closed);
  // (How much gets sent before the sender sees the connection closed depends on socket buffers
  // and on how busy the machine is: under AddressSanitizer on a loaded machine, 4.3 MB.)
  EXPECT_LT(r.body_sent, 10'000'000u) << "the server read a chunked body of 20 MB";
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(8));
  // A chunked body that stops coming after 100 KiB: refused at once, not after the read timeout.
  r = SendStreamed(server.port(), head + "Transfer-Encoding: chunked\r\n\r\n", 25, chunk, "", 5);
  EXPECT_EQ(r.answer.status, 413) << r.answer.head;
  EXPECT_TRUE(r.closed) << "the server waited for the rest of a body it had refused";
  EXPECT_NE(r.answer.body.find("too large"), std::string::npos) << r.answer.body;
  // No length at all: the body would run until the connection closes.
  r = SendStreamed(server.port(), head + "\r\n", 25, std::string(4096, 'x'), "", 5);
  EXPECT_NE(r.answer.status, 200) << r.answer.head;
  EXPECT_TRUE(r.closed);
  // The server still serves, and only the small edit changed the corpus.
  EXPECT_EQ(server.Call("GET", "/api/state").status, 200);
  EXPECT_EQ(server.Saved()["conflict"], "");
  EXPECT_EQ(server.Version(), 2u);
}

// A port another server listens on is refused: exit 1 with a message. Debian's cpp-httplib sets
// SO_REUSEPORT, with which a second `tandem review` shared the port with the first and got half
// of its requests.
TEST_F(ReviewServerTest, APortInUseIsAnErrorEvenForAnotherReviewServer) {
  ReviewServer first(path_);
  ASSERT_GT(first.port(), 0);
  const std::string err = dir_.File("second.err");
  ReviewServer second(path_, {"--port", std::to_string(first.port())}, err);
  EXPECT_EQ(second.port(), 0) << "a second server listens on the port of the first";
  EXPECT_EQ(second.Stop(SIGKILL), 1);
  EXPECT_NE(
      testing::ReadFile(err).find("cannot listen on 127.0.0.1:" + std::to_string(first.port())),
      std::string::npos)
      << testing::ReadFile(err);
  // Every request still reaches the first server.
  for (int k = 0; k < 10; ++k) EXPECT_EQ(first.Call("GET", "/api/state").status, 200) << k;

  // Another program that shares its port (SO_REUSEPORT) on 127.0.0.1 or on every address.
  for (const in_addr_t host : {htonl(INADDR_LOOPBACK), htonl(INADDR_ANY)}) {
    const int other = ::socket(AF_INET, SOCK_STREAM, 0);
    const int yes = 1;
    ::setsockopt(other, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof yes);
    ::setsockopt(other, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = host;
    ASSERT_EQ(::bind(other, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(other, 4), 0);
    socklen_t size = sizeof address;
    ::getsockname(other, reinterpret_cast<sockaddr*>(&address), &size);
    ReviewServer third(path_, {"-p", std::to_string(ntohs(address.sin_port))});
    EXPECT_EQ(third.port(), 0) << "shared a port with another program";
    EXPECT_EQ(third.Stop(SIGKILL), 1);
    ::close(other);
  }
}

TEST_F(ReviewServerTest, EditsAreSavedAndConflictsRefused) {
  ReviewServer server(path_);
  HttpAnswer answer = server.Call("POST", "/api/edit", R"({"version":1,"kind":"merge","bead":0})");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(json::parse(answer.body)["version"], 2);
  EXPECT_EQ(server.Saved()["saved_version"], 2);
  EXPECT_EQ(BeadsOnDisk(), 39u);
  // A page that did not see version 2 is refused.
  answer = server.Call("POST", "/api/edit", R"({"version":1,"kind":"confirm","bead":0})");
  EXPECT_EQ(answer.status, 409);
  EXPECT_EQ(json::parse(answer.body)["reason"], "stale");
  // Another program changes the file: the server notices and will not overwrite it.
  const std::string theirs = testing::ReadFile(path_) + "\n";
  testing::WriteFile(path_, theirs);
  EXPECT_NE(server.Saved()["conflict"], "");
  answer = server.Call("POST", "/api/edit", R"({"version":2,"kind":"confirm","bead":0})");
  EXPECT_EQ(answer.status, 409);
  EXPECT_EQ(json::parse(answer.body)["reason"], "disk");
  EXPECT_EQ(testing::ReadFile(path_), theirs);
  EXPECT_EQ(server.Call("POST", "/api/reload", "{}").status, 200);
  answer =
      server.Call("POST", "/api/edit",
                  json{{"version", server.Version()}, {"kind", "confirm"}, {"bead", 1}}.dump());
  EXPECT_EQ(answer.status, 200) << answer.body;
  // Stopping writes what is not written yet.
  EXPECT_EQ(server.Stop(SIGTERM), 0);
  StatusOr<corpora::Bitext> saved = tei::ReadTeiFile(path_);
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(corpora::ReviewOf(*saved, 1).status, corpora::ReviewStatus::kConfirmed);
}

// Killing the server at any moment, even while it saves, leaves a complete corpus: the old
// version or the new one (the last edit may be lost, never the file).
TEST_F(ReviewServerTest, AKilledServerNeverLeavesADamagedFile) {
  std::mt19937 rng(7);
  std::size_t previous = 40;
  for (int round = 0; round < 8; ++round) {
    ReviewServer server(path_);
    std::uint64_t version = server.Version();
    const int edits = std::uniform_int_distribution<int>(1, 6)(rng);
    for (int i = 0; i < edits; ++i) {
      const HttpAnswer answer = server.Call(
          "POST", "/api/edit", json{{"version", version}, {"kind", "merge"}, {"bead", 0}}.dump());
      ASSERT_EQ(answer.status, 200) << answer.body;
      version = json::parse(answer.body)["version"].get<std::uint64_t>();
    }
    server.Saved();
    // One more edit, and the kill while it is being saved (or just before, or just after).
    std::thread edit([&] {
      (void)server.Call("POST", "/api/edit",
                        json{{"version", version}, {"kind", "merge"}, {"bead", 0}}.dump());
    });
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(rng)));
    EXPECT_EQ(server.Stop(SIGKILL), 128 + SIGKILL);
    edit.join();
    const std::size_t beads = BeadsOnDisk();
    EXPECT_TRUE(beads == previous - edits || beads == previous - edits - 1)
        << "round " << round << ": " << beads << " beads, " << previous << " before";
    StatusOr<corpora::Bitext> backup = tei::ReadTeiFile(path_ + ".bak");
    EXPECT_TRUE(backup.ok()) << backup.status().message();
    previous = beads;
    if (previous < 10) break;
  }
}

// Two review sessions on one file (docs/robustness.md): the first save wins; the other server
// finds the file changed on disk, writes nothing and says so, and takes edits again only after
// a reload, from the file as it is then. Nothing either wrote is overwritten.
TEST_F(ReviewServerTest, TwoSessionsOnOneFileNeverOverwriteEachOther) {
  ReviewServer first(path_);
  ReviewServer second(path_);
  ASSERT_GT(first.port(), 0);
  ASSERT_GT(second.port(), 0);
  HttpAnswer answer =
      first.Call("POST", "/api/edit",
                 json{{"version", first.Version()}, {"kind", "merge"}, {"bead", 0}}.dump());
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(first.Saved()["conflict"], "");
  EXPECT_EQ(BeadsOnDisk(), 39u);
  // The second session edits its own (now old) view: the edit is refused or not written.
  answer = second.Call("POST", "/api/edit",
                       json{{"version", second.Version()}, {"kind", "merge"}, {"bead", 5}}.dump());
  const json state = second.Saved();
  EXPECT_TRUE(answer.status == 409 || state["conflict"] != "") << answer.status << answer.body;
  EXPECT_EQ(BeadsOnDisk(), 39u) << "the second session overwrote the first one's save";
  // After a reload the second session continues from the first one's file.
  answer = second.Call("POST", "/api/reload", "{}");
  EXPECT_EQ(answer.status, 200) << answer.body;
  answer = second.Call("POST", "/api/edit",
                       json{{"version", second.Version()}, {"kind", "merge"}, {"bead", 5}}.dump());
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(second.Saved()["conflict"], "");
  EXPECT_EQ(BeadsOnDisk(), 38u);
}

}  // namespace
}  // namespace tandem
