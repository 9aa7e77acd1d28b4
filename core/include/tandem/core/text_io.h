// Reading text files as UTF-8, and writing output files so that a failure never leaves a
// half-written file behind.
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::DecodedText in, tandem::ReadTextFile("hu.txt"));
//   // in.text is valid UTF-8; in.content_begin skips a byte-order mark.
//
//   TANDEM_ASSIGN_OR_RETURN(tandem::AtomicOutput out, tandem::AtomicOutput::Open("x.xml"));
//   out.stream() << ...;
//   TANDEM_RETURN_IF_ERROR(out.Commit());  // until here, x.xml is untouched
//
// Invariants: DecodedText::text is always valid UTF-8. Byte spans elsewhere in tandem index
// into that text; when no conversion happened (`converted == false`), it is byte for byte the
// input file, so the spans are also offsets into the file itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "tandem/core/status.h"

namespace tandem {

// The largest input file tandem reads (docs/robustness.md, resource limits): aligning a text
// takes several times its size in memory, and a text of 2 GiB is millions of pages.
inline constexpr std::uint64_t kMaxInputFileBytes = std::uint64_t{2} << 30;

// Reads every byte of a file. "-" reads standard input. A missing file gives kNotFound, any
// other failure (a directory, a device such as /dev/zero, no permission) kIoError; a file or
// pipe larger than kMaxInputFileBytes kResourceExhausted. Each message names the path.
StatusOr<std::string> ReadFileBytes(const std::string& path);

struct DecodeOptions {
  // The input's character encoding as ICU names it ("ISO-8859-2", "windows-1250", ...).
  // Empty: UTF-8, or UTF-16 when the input starts with a UTF-16 byte-order mark.
  std::string encoding;
  // The caller's way to give `encoding` ("--encoding", "--source-encoding"), named in the advice
  // of messages about text in another encoding; empty: the advice is to convert the file.
  std::string encoding_option;
};

struct DecodedText {
  std::string text;                // the text as UTF-8, including any leading byte-order mark
  std::size_t content_begin = 0;   // 3 when `text` starts with a UTF-8 byte-order mark, else 0
  std::string encoding = "UTF-8";  // the encoding the input was read as
  bool converted = false;          // true when `text` differs from the input's own bytes
};

// Checks and, where needed, converts `bytes` to UTF-8. `name` is used in messages.
// Invalid UTF-8 is an error naming line, column and the offending byte, and ICU's guess at the
// real encoding when none was given, with advice (options.encoding_option):
//   hu.txt:120:17: invalid UTF-8 (byte 0xC3); the file may be in ISO-8859-2 (ICU's guess): try
//   --encoding ISO-8859-2                 (or: convert it to UTF-8 (iconv -f ISO-8859-2 -t UTF-8))
// Other errors: a NUL character (kInvalidData; when NULs stand at every other byte the message
// names UTF-16LE or UTF-16BE), a byte that is not valid in `options.encoding` (kInvalidData,
// with its line and column), an unknown encoding or one that contradicts the input's
// byte-order mark (kInvalidArgument).
StatusOr<DecodedText> DecodeText(std::string bytes, std::string_view name,
                                 const DecodeOptions& options = {});

// ReadFileBytes followed by DecodeText.
StatusOr<DecodedText> ReadTextFile(const std::string& path, const DecodeOptions& options = {});

// Ok when `text` is valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF);
// otherwise kInvalidData with a message like the one above.
Status CheckUtf8(std::string_view text, std::string_view name);

// A position in a text for messages: 1-based line, and 1-based column counted in code points.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
// Lines end at "\n", "\r\n" or a lone "\r".
TextPosition PositionOf(std::string_view text, std::size_t offset);

// "name:line:column" for `offset` in `text`.
std::string DescribePosition(std::string_view name, std::string_view text, std::size_t offset);

// An output file that appears under its final name only when complete. Data goes to a
// temporary file in the same directory; Commit() flushes it to disk and renames it over the
// destination. If the object is destroyed without a successful Commit(), the temporary file is
// removed and the destination is left as it was. The path "-" writes to standard output.
//
// What is replaced is the file the path finally names: a symbolic link is followed (the link
// stays a link, its target gets the new content). A file that is replaced keeps its permissions,
// and its owner and group where the process may set them; a new file gets 0666 less the umask.
// A destination that exists and is not a regular file (/dev/null, a named pipe) is written
// directly, since it cannot be replaced.
class AtomicOutput {
 public:
  static StatusOr<AtomicOutput> Open(const std::string& path);

  // Ok when Open(path) would succeed now: the directory exists and a file can be made in it
  // (tried, and removed at once). For checking every output of a command before it reads its
  // inputs. The errors are Open's, naming `path`.
  static Status CheckCreatable(const std::string& path);

  AtomicOutput(AtomicOutput&& other) noexcept;
  AtomicOutput& operator=(AtomicOutput&& other) noexcept;
  // Not copyable: one object owns the temporary file.
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  ~AtomicOutput();

  std::ostream& stream();
  const std::string& path() const;

  // Makes the output visible under its final name. Any earlier write error (a full disk)
  // is reported here, naming the path.
  Status Commit();

 private:
  struct Impl;
  explicit AtomicOutput(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Removes the temporary files of every AtomicOutput not yet committed or destroyed. Safe to call
// from a signal handler (it only calls unlink); a program with its own handlers calls it there.
void RemoveUnfinishedOutputs() noexcept;

// Installs handlers for SIGINT, SIGTERM and SIGHUP that call RemoveUnfinishedOutputs() and then
// end the process by the same signal, as if no handler had been there: an interrupted command
// leaves neither a partial output nor a hidden temporary file (docs/robustness.md). For
// programs, not libraries: call it once from main().
void RemoveUnfinishedOutputsOnSignals();

// Writes `content` to `path` through an AtomicOutput.
Status WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace tandem
