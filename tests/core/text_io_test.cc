#include "tandem/core/text_io.h"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "test_util.h"

namespace tandem {
namespace {

using testing::ListDir;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

TEST(CheckUtf8, AcceptsValidText) {
  EXPECT_TRUE(CheckUtf8("plain ASCII", "a.txt").ok());
  EXPECT_TRUE(CheckUtf8("\xC5\x91 \xE2\x80\x9C \xF0\x9F\x98\x80", "a.txt").ok());
  EXPECT_TRUE(CheckUtf8("", "a.txt").ok());
}

struct BadUtf8Case {
  const char* name;
  std::string text;
  std::string message;
};

// Test names and failure messages show the case name, not its bytes.
void PrintTo(const BadUtf8Case& c, std::ostream* os) { *os << c.name; }

class CheckUtf8Bad : public ::testing::TestWithParam<BadUtf8Case> {};

TEST_P(CheckUtf8Bad, NamesLineColumnAndByte) {
  const Status status = CheckUtf8(GetParam().text, "hu.txt");
  EXPECT_EQ(status.code(), StatusCode::kInvalidData);
  EXPECT_EQ(status.message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CheckUtf8Bad,
    ::testing::Values(
        BadUtf8Case{"latin2_byte", "ab\n\xC5\x91r\xF5z", "hu.txt:2:3: invalid UTF-8 (byte 0xF5)"},
        BadUtf8Case{"lone_continuation", "x\x80", "hu.txt:1:2: invalid UTF-8 (byte 0x80)"},
        BadUtf8Case{"truncated_sequence", "abc\xC3", "hu.txt:1:4: invalid UTF-8 (byte 0xC3)"},
        BadUtf8Case{"overlong", "\xC0\xAF", "hu.txt:1:1: invalid UTF-8 (byte 0xC0)"},
        BadUtf8Case{"surrogate", "\xED\xA0\x80", "hu.txt:1:1: invalid UTF-8 (byte 0xED)"},
        BadUtf8Case{"above_max", "\xF4\x90\x80\x80", "hu.txt:1:1: invalid UTF-8 (byte 0xF4)"},
        BadUtf8Case{"crlf_lines", "a\r\nb\r\n\xFF", "hu.txt:3:1: invalid UTF-8 (byte 0xFF)"},
        BadUtf8Case{"after_long_ascii", std::string(20, 'a') + "\xFE",
                    "hu.txt:1:21: invalid UTF-8 (byte 0xFE)"}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(PositionOf, CountsLinesAndCodePoints) {
  const std::string text = "\xC3\xA1rv\xC3\xADz\r\ntwo\rthree";
  EXPECT_EQ(PositionOf(text, 0).line, 1u);
  EXPECT_EQ(PositionOf(text, 5).column, 5u);  // after "árví": 4 code points
  EXPECT_EQ(PositionOf(text, 9).line, 2u);
  EXPECT_EQ(PositionOf(text, 13).line, 3u);
  EXPECT_EQ(DescribePosition("f", text, 14), "f:3:2");
}

TEST(DecodeText, Utf8WithBomKeepsBytesAndMarksContent) {
  StatusOr<DecodedText> decoded = DecodeText("\xEF\xBB\xBFHello", "a.txt");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->text, "\xEF\xBB\xBFHello");
  EXPECT_EQ(decoded->content_begin, 3u);
  EXPECT_FALSE(decoded->converted);
  EXPECT_EQ(decoded->encoding, "UTF-8");
}

TEST(DecodeText, InvalidUtf8NamesIcusGuess) {
  // Hungarian in ISO-8859-2 (0xF5 is ő), long enough for ICU's charset detector.
  std::string latin2;
  for (int i = 0; i < 20; ++i) latin2 += "A b\xF5r \xE9s a k\xE9z, \xF5sz \xE9s t\xE9l. ";
  StatusOr<DecodedText> decoded = DecodeText(latin2, "hu.txt");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), StatusCode::kInvalidData);
  EXPECT_NE(decoded.status().message().find("hu.txt:1:4: invalid UTF-8 (byte 0xF5)"),
            std::string::npos)
      << decoded.status().message();
  // The advice names the caller's option when it has one, or else says how to convert.
  EXPECT_NE(decoded.status().message().find("iconv -f ISO-8859-2 -t UTF-8"), std::string::npos)
      << decoded.status().message();
  decoded = DecodeText(latin2, "hu.txt", {.encoding_option = "--encoding"});
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.status().message().find("try --encoding ISO-8859-2"), std::string::npos)
      << decoded.status().message();
}

TEST(DecodeText, Utf16WithBomIsConverted) {
  // "Ősz." in UTF-16LE with a byte-order mark.
  const std::string utf16le("\xFF\xFE\x50\x01s\0z\0.\0", 10);
  StatusOr<DecodedText> decoded = DecodeText(utf16le, "a.txt");
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  EXPECT_EQ(decoded->text, "\xC5\x90sz.");
  EXPECT_TRUE(decoded->converted);
}

TEST(DecodeText, LegacyEncodingByName) {
  StatusOr<DecodedText> decoded = DecodeText("\xF5sz", "a.txt", {.encoding = "ISO-8859-2"});
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  EXPECT_EQ(decoded->text, "\xC5\x91sz");
  EXPECT_EQ(decoded->encoding, "ISO-8859-2");
  decoded = DecodeText("\x8A", "a.txt", {.encoding = "windows-1250"});  // Š
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  EXPECT_EQ(decoded->text, "\xC5\xA0");
}

TEST(DecodeText, UnknownEncodingIsAUsageError) {
  StatusOr<DecodedText> decoded = DecodeText("x", "a.txt", {.encoding = "no-such-charset"});
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), StatusCode::kInvalidArgument);
}

TEST(ReadFileBytes, MissingFileIsNotFound) {
  TempDir dir;
  StatusOr<std::string> bytes = ReadFileBytes(dir.File("missing.txt"));
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), StatusCode::kNotFound);
  EXPECT_NE(bytes.status().message().find("missing.txt: no such file"), std::string::npos);
}

TEST(ReadFileBytes, DirectoryIsRefused) {
  TempDir dir;
  StatusOr<std::string> bytes = ReadFileBytes(dir.path().string());
  ASSERT_FALSE(bytes.ok());
  EXPECT_NE(bytes.status().message().find("is a directory"), std::string::npos);
}

TEST(ReadFileBytes, ReadsEveryByte) {
  TempDir dir;
  std::string content(200000, 'x');
  content[199999] = '\0';
  WriteFile(dir.File("a.bin"), content);
  StatusOr<std::string> bytes = ReadFileBytes(dir.File("a.bin"));
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, content);
}

TEST(AtomicOutput, CommitReplacesTheFile) {
  TempDir dir;
  const std::string path = dir.File("out.txt");
  WriteFile(path, "old");
  StatusOr<AtomicOutput> out = AtomicOutput::Open(path);
  ASSERT_TRUE(out.ok());
  out->stream() << "new content";
  EXPECT_EQ(ReadFile(path), "old");  // nothing visible before the commit
  ASSERT_TRUE(out->Commit().ok());
  EXPECT_EQ(ReadFile(path), "new content");
  EXPECT_EQ(ListDir(dir.path()), std::vector<std::string>{"out.txt"});
}

TEST(AtomicOutput, AbandonedOutputLeavesNoTrace) {
  TempDir dir;
  const std::string path = dir.File("out.txt");
  WriteFile(path, "precious");
  {
    StatusOr<AtomicOutput> out = AtomicOutput::Open(path);
    ASSERT_TRUE(out.ok());
    out->stream() << "half-writ";
  }  // destroyed without Commit: a failure in the middle of writing
  EXPECT_EQ(ReadFile(path), "precious");
  EXPECT_EQ(ListDir(dir.path()), std::vector<std::string>{"out.txt"});
}

// A process ended by a signal in the middle of writing (Ctrl-C, kill) leaves the previous file
// and no temporary file. The death test runs the writing in a child process.
TEST(AtomicOutputDeathTest, SignalLeavesNoTemporaryFile) {
  // "fast": the child is a fork of this process, so it writes into this test's directory.
  GTEST_FLAG_SET(death_test_style, "fast");
  TempDir dir;
  const std::string path = dir.File("out.txt");
  WriteFile(path, "precious");
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    EXPECT_EXIT(
        {
          RemoveUnfinishedOutputsOnSignals();
          StatusOr<AtomicOutput> out = AtomicOutput::Open(path);
          StatusOr<AtomicOutput> other = AtomicOutput::Open(dir.File("other.txt"));
          if (!out.ok() || !other.ok()) std::exit(3);
          out->stream() << "half-writ";
          out->stream().flush();
          if (ListDir(dir.path()).size() != 3) std::exit(4);  // the two temporaries are there
          std::raise(signal_number);
          std::exit(5);  // not reached: the signal ends the process
        },
        ::testing::KilledBySignal(signal_number), "")
        << "signal " << signal_number;
    EXPECT_EQ(ReadFile(path), "precious");
    EXPECT_EQ(ListDir(dir.path()), std::vector<std::string>{"out.txt"});
  }
}

// A committed output is not removed by a later signal.
TEST(AtomicOutputDeathTest, SignalAfterTheCommitKeepsTheOutput) {
  // "fast": the child is a fork of this process, so it writes into this test's directory.
  GTEST_FLAG_SET(death_test_style, "fast");
  TempDir dir;
  const std::string path = dir.File("out.txt");
  EXPECT_EXIT(
      {
        RemoveUnfinishedOutputsOnSignals();
        StatusOr<AtomicOutput> out = AtomicOutput::Open(path);
        if (!out.ok()) std::exit(3);
        out->stream() << "complete";
        if (!out->Commit().ok()) std::exit(4);
        std::raise(SIGTERM);
      },
      ::testing::KilledBySignal(SIGTERM), "");
  EXPECT_EQ(ReadFile(path), "complete");
}

// The output gets the permissions the umask allows, as any file the user creates.
TEST(AtomicOutput, PermissionsFollowTheUmask) {
  TempDir dir;
  const std::string path = dir.File("out.txt");
  ASSERT_TRUE(WriteFileAtomically(path, "x").ok());
  const mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0666 & ~mask);
}

TEST(AtomicOutput, MissingDirectoryIsAnError) {
  TempDir dir;
  StatusOr<AtomicOutput> out = AtomicOutput::Open(dir.File("no/such/dir/out.txt"));
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("does not exist"), std::string::npos);
}

TEST(AtomicOutput, DirectoryAsOutputIsAnError) {
  TempDir dir;
  StatusOr<AtomicOutput> out = AtomicOutput::Open(dir.path().string());
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("is a directory"), std::string::npos);
}

// A file that is rewritten keeps its permissions: a private corpus (0600) must not become
// readable by everyone because tandem wrote it again (docs/robustness.md).
TEST(AtomicOutput, AReplacedFileKeepsItsMode) {
  TempDir dir;
  for (const mode_t mode : {0600, 0640, 0755, 0444}) {
    SCOPED_TRACE(mode);
    const std::string path = dir.File("out.txt");
    WriteFile(path, "old");
    ASSERT_EQ(::chmod(path.c_str(), mode), 0);
    ASSERT_TRUE(WriteFileAtomically(path, "new").ok());
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, mode);
    EXPECT_EQ(ReadFile(path), "new");
    std::filesystem::remove(path);
  }
}

// ... and its owner and group, where the process may set them (root may; others may not give a
// file away, so this needs root).
TEST(AtomicOutput, AReplacedFileKeepsItsOwnerAndGroup) {
  if (::geteuid() != 0) GTEST_SKIP() << "only root may give a file to another user";
  TempDir dir;
  const std::string path = dir.File("out.txt");
  WriteFile(path, "old");
  ASSERT_EQ(::chown(path.c_str(), 4321, 8765), 0);
  ASSERT_TRUE(WriteFileAtomically(path, "new").ok());
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_uid, 4321u);
  EXPECT_EQ(info.st_gid, 8765u);
}

// An output given as a symbolic link is written through the link: the link stays, the file it
// points to gets the content (relative links are taken from the link's directory; chains are
// followed; a dangling link makes its target).
TEST(AtomicOutput, ASymbolicLinkIsWrittenThrough) {
  TempDir dir;
  std::filesystem::create_directory(dir.File("data"));
  const std::string real = dir.File("data/real.txt");
  WriteFile(real, "old");
  ASSERT_EQ(::chmod(real.c_str(), 0600), 0);
  std::filesystem::create_symlink("data/real.txt", dir.File("link.txt"));
  std::filesystem::create_symlink("link.txt", dir.File("chain.txt"));
  ASSERT_TRUE(WriteFileAtomically(dir.File("chain.txt"), "new").ok());
  EXPECT_TRUE(std::filesystem::is_symlink(dir.File("link.txt")));
  EXPECT_TRUE(std::filesystem::is_symlink(dir.File("chain.txt")));
  EXPECT_EQ(ReadFile(real), "new");
  struct stat info {};
  ASSERT_EQ(::stat(real.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(ListDir(dir.File("data")), std::vector<std::string>{"real.txt"});

  std::filesystem::create_symlink("data/new.txt", dir.File("dangling.txt"));
  ASSERT_TRUE(WriteFileAtomically(dir.File("dangling.txt"), "made").ok());
  EXPECT_TRUE(std::filesystem::is_symlink(dir.File("dangling.txt")));
  EXPECT_EQ(ReadFile(dir.File("data/new.txt")), "made");
}

// A destination that exists and is not a regular file (a named pipe here; /dev/null is the
// common case) cannot be replaced: it is written into, and stays what it is.
TEST(AtomicOutput, ANamedPipeIsWrittenIntoNotReplaced) {
  TempDir dir;
  const std::string fifo = dir.File("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The reading end, opened first (without waiting for a writer), so that opening the pipe for
  // writing does not wait either; the pipe's buffer holds the few bytes written.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  const Status written = WriteFileAtomically(fifo, "through the pipe");
  char buffer[64] = {};
  const ssize_t got = ::read(reader, buffer, sizeof buffer);
  ::close(reader);
  ASSERT_TRUE(written.ok()) << written.message();
  EXPECT_EQ(std::string(buffer, got > 0 ? static_cast<std::size_t>(got) : 0), "through the pipe");
  struct stat info {};
  ASSERT_EQ(::lstat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  EXPECT_EQ(ListDir(dir.path()), std::vector<std::string>{"pipe"});
}

// CheckCreatable tries what Open would do and leaves nothing behind.
TEST(AtomicOutput, CheckCreatableLeavesNothingBehind) {
  TempDir dir;
  EXPECT_TRUE(AtomicOutput::CheckCreatable(dir.File("out.txt")).ok());
  EXPECT_TRUE(AtomicOutput::CheckCreatable("-").ok());
  EXPECT_TRUE(ListDir(dir.path()).empty());
  const Status missing = AtomicOutput::CheckCreatable(dir.File("no/such/out.txt"));
  EXPECT_NE(missing.message().find("does not exist"), std::string::npos) << missing.message();
  WriteFile(dir.File("file"), "x");
  const Status under_a_file = AtomicOutput::CheckCreatable(dir.File("file/out.txt"));
  EXPECT_NE(under_a_file.message().find("is not a directory"), std::string::npos)
      << under_a_file.message();
}

// The kernel's file systems are named for what they are, not "No such file or directory" (which
// is what creating a file in /proc answers, though /proc/version exists).
TEST(AtomicOutput, KernelFileSystemsAreNamed) {
  for (const char* path : {"/proc/version", "/proc/tandem-out.txt", "/sys/tandem-out.txt"}) {
    SCOPED_TRACE(path);
    const Status status = AtomicOutput::CheckCreatable(path);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.message().find(std::string(path) + ": cannot write: "), std::string::npos)
        << status.message();
    EXPECT_NE(status.message().find("the kernel's"), std::string::npos) << status.message();
    EXPECT_FALSE(AtomicOutput::Open(path).ok());
  }
}

TEST(WriteFileAtomically, WritesContent) {
  TempDir dir;
  ASSERT_TRUE(WriteFileAtomically(dir.File("a.txt"), "abc").ok());
  EXPECT_EQ(ReadFile(dir.File("a.txt")), "abc");
}

}  // namespace
}  // namespace tandem
