#include "tandem/core/text_io.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <linux/magic.h>
#include <sstream>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <system_error>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "icu_util.h"
#include "tandem/util/utf8.h"

namespace tandem {
namespace {

std::string ErrnoText(int error) { return std::generic_category().message(error); }

std::string TooLarge(std::string_view path) {
  return fmt::format(
      "{}: larger than {} GiB, the most tandem reads from one file; split the text "
      "(at chapter or paragraph boundaries) and align the parts",
      path, kMaxInputFileBytes >> 30);
}

// Length of the valid UTF-8 sequence starting at `p` (at most `n` bytes available), or 0 when
// the bytes there are not a valid sequence.
std::size_t Utf8SequenceLength(const unsigned char* p, std::size_t n) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  auto cont = [&](std::size_t i) {
    return i < n && tandem::internal::IsContinuationByte(static_cast<char>(p[i]));
  };
  if (c < 0xE0) return cont(1) ? 2 : 0;
  if (c < 0xF0) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (c < 0xF5) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// The offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t FindInvalidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, sizeof word);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const std::size_t len = Utf8SequenceLength(p + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// The encoding name in lower case without '-' and '_': "UTF-16LE" -> "utf16le".
std::string SimpleName(std::string_view encoding) {
  std::string lower;
  for (char c : encoding) {
    if (c != '-' && c != '_')
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower;
}

bool IsUtf8Name(std::string_view encoding) { return SimpleName(encoding) == "utf8"; }

bool IsUnicodeName(std::string_view encoding) {
  return SimpleName(encoding).starts_with("utf") || SimpleName(encoding).starts_with("ucs");
}

// When NULs sit at every other byte of the start of a file, it is UTF-16 without a byte-order
// mark: the error says which one to name. Checked before UTF-8, since UTF-16 text with letters
// outside ASCII is also invalid UTF-8, and "invalid UTF-8" would send the user the wrong way.
// What to do about a file in another encoding: the caller's option that names the encoding,
// when it has one, or else converting the file.
std::string EncodingAdvice(const DecodeOptions& options, std::string_view encoding) {
  if (!options.encoding_option.empty()) {
    return encoding.empty() ? fmt::format("give its encoding with {}", options.encoding_option)
                            : fmt::format("try {} {}", options.encoding_option, encoding);
  }
  return fmt::format("convert it to UTF-8 (iconv -f {} -t UTF-8)",
                     encoding.empty() ? "ENCODING" : encoding);
}

Status CheckNotUtf16(std::string_view bytes, std::string_view name, const DecodeOptions& options) {
  const std::size_t sample = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
  std::size_t even = 0;
  std::size_t odd = 0;
  for (std::size_t i = 0; i < sample; ++i) {
    if (bytes[i] == '\0') ++(i % 2 == 0 ? even : odd);
  }
  if (sample >= 8 && even + odd >= sample / 4 && (even == 0 || odd == 0)) {
    return InvalidDataError(
        fmt::format("{}: NUL bytes at every other position: the file looks like UTF-16 without a "
                    "byte-order mark; {}",
                    name, EncodingAdvice(options, odd > 0 ? "UTF-16LE" : "UTF-16BE")));
  }
  return Status::Ok();
}

// Files people take for texts but are not: the error names what the file is, instead of its
// first invalid byte.
Status CheckNotBinary(std::string_view bytes, std::string_view name) {
  struct Signature {
    std::string_view magic;
    std::string_view what;
  };
  static constexpr Signature kSignatures[] = {
      {"\x89PNG\r\n\x1A\n", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF87a", "a GIF image"},
      {"GIF89a", "a GIF image"},
      {"%PDF-", "a PDF document (extract its text first, e.g. with pdftotext)"},
      {"PK\x03\x04",
       "a ZIP archive (.docx, .odt and .epub files are ZIP archives: save the text as plain text "
       "first)"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
       "an OLE2 compound file (an old Word .doc? save the text as plain text first)"},
      {"\x1F\x8B", "gzip-compressed (uncompress it first)"},
      {"\xFD"
       "7zXZ",
       "xz-compressed (uncompress it first)"},
      {"\x7F"
       "ELF",
       "an executable (ELF)"},
  };
  for (const Signature& signature : kSignatures) {
    if (StartsWith(bytes, signature.magic)) {
      return InvalidDataError(
          fmt::format("{}: not a text file: the file is {}", name, signature.what));
    }
  }
  return Status::Ok();
}

// A NUL character is never text.
Status CheckNoNul(std::string_view text, std::string_view name) {
  const std::size_t nul = text.find('\0');
  if (nul == std::string_view::npos) return Status::Ok();
  return InvalidDataError(fmt::format("{}: a NUL character (byte 0x00): this is not a text file",
                                      DescribePosition(name, text, nul)));
}

}  // namespace

StatusOr<std::string> ReadFileBytes(const std::string& path) {
  if (path == "-") {
    std::string data;
    std::vector<char> buffer(1 << 16);
    while (std::cin.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) ||
           std::cin.gcount() > 0) {
      data.append(buffer.data(), static_cast<std::size_t>(std::cin.gcount()));
      if (data.size() > kMaxInputFileBytes) return ResourceExhaustedError(TooLarge("<stdin>"));
    }
    if (std::cin.bad()) return IoError("<stdin>: read error");
    return data;
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) return NotFoundError(path + ": no such file");
    return IoError(fmt::format("{}: {}", path, ErrnoText(error)));
  }
  if (S_ISDIR(info.st_mode)) {
    return IoError(path + ": is a directory, not a file");
  }
  // A device (/dev/zero, /dev/urandom, a disk) never ends or is not text; pipes and standard
  // input are read (up to the limit below).
  if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode)) {
    return IoError(path +
                   ": not a regular file (a device); give a file, a pipe or - (standard "
                   "input)");
  }
  if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) > kMaxInputFileBytes) {
    return ResourceExhaustedError(TooLarge(path));
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(fmt::format("{}: cannot open: {}", path, ErrnoText(errno)));
  std::string data;
  if (S_ISREG(info.st_mode)) data.reserve(static_cast<std::size_t>(info.st_size));
  std::vector<char> buffer(1 << 16);
  for (;;) {
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      return IoError(fmt::format("{}: read error: {}", path, ErrnoText(error)));
    }
    data.append(buffer.data(), static_cast<std::size_t>(got));
    if (data.size() > kMaxInputFileBytes) {  // a pipe that does not end
      ::close(fd);
      return ResourceExhaustedError(TooLarge(path));
    }
  }
  ::close(fd);
  return data;
}

TextPosition PositionOf(std::string_view text, std::size_t offset) {
  TextPosition pos;
  if (offset > text.size()) offset = text.size();
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    const char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++pos.line;
      line_start = i + 1;
    }
  }
  // Columns count code points: every byte that is not a UTF-8 continuation byte.
  for (std::size_t i = line_start; i < offset; ++i) {
    if (!tandem::internal::IsContinuationByte(text[i])) ++pos.column;
  }
  return pos;
}

std::string DescribePosition(std::string_view name, std::string_view text, std::size_t offset) {
  const TextPosition pos = PositionOf(text, offset);
  return fmt::format("{}:{}:{}", name, pos.line, pos.column);
}

Status CheckUtf8(std::string_view text, std::string_view name) {
  const std::size_t bad = FindInvalidUtf8(text);
  if (bad == std::string_view::npos) return Status::Ok();
  return InvalidDataError(fmt::format("{}: invalid UTF-8 (byte 0x{:02X})",
                                      DescribePosition(name, text, bad),
                                      static_cast<unsigned char>(text[bad])));
}

StatusOr<DecodedText> DecodeText(std::string bytes, std::string_view name,
                                 const DecodeOptions& options) {
  static constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  static constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
  static constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

  std::string encoding = options.encoding;
  const bool utf8_bom = StartsWith(bytes, kUtf8Bom);
  const bool utf16_bom = StartsWith(bytes, kUtf16LeBom) || StartsWith(bytes, kUtf16BeBom);
  if (!encoding.empty() && !IsUnicodeName(encoding) && (utf8_bom || utf16_bom)) {
    // Converting a byte-order mark as, say, Latin-2 would turn it into text ("ï»¿").
    return InvalidArgumentError(fmt::format(
        "{} starts with a {} byte-order mark, but its encoding was given as {}: leave out the "
        "encoding",
        name, utf8_bom ? "UTF-8" : "UTF-16", encoding));
  }
  if (encoding.empty() && utf16_bom) {
    encoding = "UTF-16";  // ICU's UTF-16 converter reads the byte-order mark
  }

  TANDEM_RETURN_IF_ERROR(CheckNotBinary(bytes, name));
  if (encoding.empty()) TANDEM_RETURN_IF_ERROR(CheckNotUtf16(bytes, name, options));
  DecodedText out;
  if (encoding.empty() || IsUtf8Name(encoding)) {
    const std::size_t bad = FindInvalidUtf8(bytes);
    if (bad != std::string_view::npos) {
      std::string message =
          fmt::format("{}: invalid UTF-8 (byte 0x{:02X})", DescribePosition(name, bytes, bad),
                      static_cast<unsigned char>(bytes[bad]));
      if (encoding.empty()) {
        const std::string guess = internal::GuessEncoding(bytes);
        if (!guess.empty()) {
          message += fmt::format("; the file may be in {} (ICU's guess): {}", guess,
                                 EncodingAdvice(options, guess));
        } else {
          message += "; " + EncodingAdvice(options, "");
        }
      }
      return InvalidDataError(std::move(message));
    }
    TANDEM_RETURN_IF_ERROR(CheckNoNul(bytes, name));
    out.text = std::move(bytes);
    out.content_begin = StartsWith(out.text, kUtf8Bom) ? kUtf8Bom.size() : 0;
    return out;
  }

  TANDEM_ASSIGN_OR_RETURN(out.text, internal::ConvertToUtf8(bytes, encoding, name));
  TANDEM_RETURN_IF_ERROR(CheckNoNul(out.text, name));
  out.encoding = encoding;
  out.converted = true;
  out.content_begin = StartsWith(out.text, kUtf8Bom) ? kUtf8Bom.size() : 0;
  return out;
}

StatusOr<DecodedText> ReadTextFile(const std::string& path, const DecodeOptions& options) {
  TANDEM_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));
  return DecodeText(std::move(bytes), path == "-" ? "<stdin>" : path, options);
}

// --- AtomicOutput ---------------------------------------------------------------------------

namespace {

// The temporary files of open AtomicOutputs, where a signal handler can find them: fixed slots
// with their own buffers (a handler may not allocate or take locks). A slot is free (0),
// being filled or emptied (1) or holds a path (2). Outputs beyond the slots, or with longer
// paths, are still removed by their destructors, only not on a signal.
constexpr std::size_t kTempSlots = 64;
constexpr std::size_t kTempPathMax = 1024;
struct TempSlot {
  std::atomic<int> state{0};
  char path[kTempPathMax] = {};
};
TempSlot g_temp_slots[kTempSlots];

// The slot that now holds `path`, or kTempSlots when none is free.
std::size_t RegisterTemporary(const std::string& path) {
  if (path.size() >= kTempPathMax) return kTempSlots;
  for (std::size_t i = 0; i < kTempSlots; ++i) {
    int expected = 0;
    if (!g_temp_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_temp_slots[i].path, path.c_str(), path.size() + 1);
    g_temp_slots[i].state.store(2);
    return i;
  }
  return kTempSlots;
}

void ReleaseTemporary(std::size_t slot) {
  if (slot >= kTempSlots) return;
  g_temp_slots[slot].state.store(1);
  g_temp_slots[slot].path[0] = '\0';
  g_temp_slots[slot].state.store(0);
}

extern "C" void RemoveOutputsAndDie(int signal_number) {
  tandem::RemoveUnfinishedOutputs();
  // End the process by the same signal, as the default action would have.
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  ::sigaction(signal_number, &action, nullptr);
  ::raise(signal_number);
}

// The process's file-creation mask, without changing it (umask() can only be read by setting
// it, which would race with other threads creating files): from /proc/self/status, or, where
// that has no "Umask:" line, by setting and restoring it once.
mode_t CurrentUmask() {
  static const mode_t mask = [] {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("Umask:", 0) == 0) {
        return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
      }
    }
    const mode_t old = ::umask(0);
    ::umask(old);
    return old;
  }();
  return mask;
}

}  // namespace

void RemoveUnfinishedOutputs() noexcept {
  for (TempSlot& slot : g_temp_slots) {
    if (slot.state.load() == 2) ::unlink(slot.path);
  }
}

void RemoveUnfinishedOutputsOnSignals() {
  struct sigaction action {};
  action.sa_handler = RemoveOutputsAndDie;
  sigemptyset(&action.sa_mask);
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction old {};
    // A signal ignored by the parent (nohup) stays ignored.
    if (::sigaction(signal_number, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(signal_number, &action, nullptr);
  }
}

namespace {

// Where an output goes, decided before anything is written (AtomicOutput::Open).
struct OutputPlace {
  std::string destination;  // the file the path finally names (symbolic links followed)
  std::string directory;    // where the temporary file goes: the destination's directory
  bool exists = false;
  bool direct = false;  // an existing file that is not a regular one (a device, a pipe)
  struct stat info {};  // of the destination, when it exists
};

// Follows symbolic links to the file a path finally names, each link's text taken relative to
// the link's own directory; a dangling link gives the path it points to (a new file is made
// there, as shells do with "> link").
StatusOr<std::string> FollowLinks(const std::string& path) {
  std::filesystem::path current(path);
  for (int depth = 0; depth < 40; ++depth) {
    struct stat info {};
    if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current.string();
    std::error_code error;
    const std::filesystem::path target = std::filesystem::read_symlink(current, error);
    if (error) {
      return IoError(fmt::format("{}: cannot read the symbolic link: {}", path, error.message()));
    }
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  return IoError(fmt::format("{}: too many levels of symbolic links", path));
}

// The kernel's own file systems, which hold no files of users: writing there fails with
// misleading errors ("No such file or directory" for /proc/version).
std::string KernelFileSystem(const std::string& directory) {
  struct statfs info {};
  if (::statfs(directory.c_str(), &info) != 0) return {};
  switch (static_cast<unsigned long>(info.f_type)) {
    case PROC_SUPER_MAGIC:
      return "the kernel's process file system (proc)";
    case SYSFS_MAGIC:
      return "the kernel's device file system (sysfs)";
    default:
      return {};
  }
}

// Why a file cannot be made in `directory`, for the message after "PATH: cannot write: ".
std::string CannotCreate(int error, const std::string& directory) {
  switch (error) {
    case EACCES:
    case EPERM:
      return fmt::format("no permission to create files in {}", directory);
    case EROFS:
      return fmt::format("{} is on a read-only file system", directory);
    case ENOSPC:
    case EDQUOT:
      return fmt::format("no space left for a new file in {}", directory);
    default:
      return fmt::format("{} (making a file in {})", ErrnoText(error), directory);
  }
}

// Special files that stand for a descriptor of this process: the kernel's link behind them
// names a pipe or a terminal, not a path to replace.
bool NamesADescriptor(const std::string& path) {
  return path == "/dev/stdout" || path == "/dev/stderr" || path.rfind("/dev/fd/", 0) == 0 ||
         path.rfind("/proc/self/fd/", 0) == 0;
}

StatusOr<OutputPlace> PlaceOutput(const std::string& path) {
  OutputPlace place;
  if (NamesADescriptor(path)) {
    place.destination = path;
    place.exists = true;
    place.direct = true;
    return place;
  }
  TANDEM_ASSIGN_OR_RETURN(place.destination, FollowLinks(path));
  place.exists = ::stat(place.destination.c_str(), &place.info) == 0;
  if (place.exists && S_ISDIR(place.info.st_mode)) {
    return IoError(path + ": is a directory; give a file name for the output");
  }
  if (place.exists && !S_ISREG(place.info.st_mode)) {
    place.direct = true;
    return place;
  }
  std::filesystem::path dir = std::filesystem::path(place.destination).parent_path();
  if (dir.empty()) dir = ".";
  place.directory = dir.string();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    if (std::filesystem::exists(dir, ec)) {
      return NotFoundError(
          fmt::format("{}: cannot write: {} is not a directory", path, place.directory));
    }
    return NotFoundError(
        fmt::format("{}: cannot write: directory {} does not exist", path, place.directory));
  }
  if (const std::string kernel = KernelFileSystem(place.directory); !kernel.empty()) {
    return IoError(fmt::format(
        "{}: cannot write: {} is {}, not a place for files; give an output in an ordinary "
        "directory",
        path, place.directory, kernel));
  }
  return place;
}

// A new temporary file beside the destination (a hidden name, so that the final rename stays on
// one file system), with the permissions the output will have. Returns its descriptor.
StatusOr<int> MakeTemporary(const std::string& path, const OutputPlace& place, std::string* temp) {
  *temp =
      (std::filesystem::path(place.directory) /
       fmt::format(".{}.tmp-XXXXXX", std::filesystem::path(place.destination).filename().string()))
          .string();
  const int fd = ::mkstemp(temp->data());
  if (fd < 0) {
    const int error = errno;
    return IoError(fmt::format("{}: cannot write: {}", path, CannotCreate(error, place.directory)));
  }
  if (place.exists) {
    // A replaced file keeps its owner and group where the process may set them (root may; a
    // user may set a group of their own), then its permissions (chown clears set-id bits).
    if (place.info.st_uid != ::geteuid() || place.info.st_gid != ::getegid()) {
      if (::fchown(fd, place.info.st_uid, place.info.st_gid) != 0) {
        static_cast<void>(::fchown(fd, static_cast<uid_t>(-1), place.info.st_gid));
      }
    }
    ::fchmod(fd, place.info.st_mode & 07777);
  } else {
    // mkstemp creates the file 0600; a new output gets the usual permissions (umask applies).
    ::fchmod(fd, 0666 & ~CurrentUmask());
  }
  return fd;
}

}  // namespace

struct AtomicOutput::Impl {
  std::string path;               // as given, for messages
  std::string destination;        // what Commit() replaces (symbolic links followed)
  std::string temp_path;          // empty for standard output and direct outputs
  std::size_t slot = kTempSlots;  // where a signal handler finds temp_path
  std::ofstream file;
  bool direct = false;  // writing into a device or pipe, which cannot be replaced
  bool committed = false;

  ~Impl() {
    if (!committed && !temp_path.empty()) {
      file.close();
      std::remove(temp_path.c_str());
    }
    ReleaseTemporary(slot);
  }
};

AtomicOutput::AtomicOutput(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AtomicOutput::AtomicOutput(AtomicOutput&& other) noexcept = default;
AtomicOutput& AtomicOutput::operator=(AtomicOutput&& other) noexcept = default;
AtomicOutput::~AtomicOutput() = default;

StatusOr<AtomicOutput> AtomicOutput::Open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  if (path == "-") return AtomicOutput(std::move(impl));

  TANDEM_ASSIGN_OR_RETURN(const OutputPlace place, PlaceOutput(path));
  impl->destination = place.destination;
  if (place.direct) {
    impl->direct = true;
    impl->file.open(place.destination, std::ios::binary | std::ios::out);
    if (!impl->file) {
      return IoError(fmt::format("{}: cannot write: {}", path, ErrnoText(errno)));
    }
    return AtomicOutput(std::move(impl));
  }
  std::string temp;
  TANDEM_ASSIGN_OR_RETURN(const int fd, MakeTemporary(path, place, &temp));
  impl->slot = RegisterTemporary(temp);
  ::close(fd);
  impl->temp_path = temp;
  impl->file.open(temp, std::ios::binary | std::ios::trunc);
  if (!impl->file) {
    std::remove(temp.c_str());
    impl->temp_path.clear();
    return IoError(fmt::format("{}: cannot write temporary file {}", path, temp));
  }
  return AtomicOutput(std::move(impl));
}

Status AtomicOutput::CheckCreatable(const std::string& path) {
  if (path == "-") return Status::Ok();
  TANDEM_ASSIGN_OR_RETURN(const OutputPlace place, PlaceOutput(path));
  if (place.direct) {
    // Opening a named pipe would wait for a reader: asking is enough.
    if (::access(place.destination.c_str(), W_OK) != 0) {
      return IoError(fmt::format("{}: cannot write: {}", path, ErrnoText(errno)));
    }
    return Status::Ok();
  }
  std::string temp;
  TANDEM_ASSIGN_OR_RETURN(const int fd, MakeTemporary(path, place, &temp));
  ::close(fd);
  ::unlink(temp.c_str());
  return Status::Ok();
}

std::ostream& AtomicOutput::stream() {
  if (impl_->temp_path.empty() && !impl_->direct) return std::cout;
  return impl_->file;
}

const std::string& AtomicOutput::path() const { return impl_->path; }

Status AtomicOutput::Commit() {
  assert(!impl_->committed);
  if (impl_->direct) {
    impl_->file.flush();
    const bool failed = !impl_->file;
    impl_->file.close();
    if (failed || impl_->file.fail()) return IoError(impl_->path + ": write error");
    impl_->committed = true;
    return Status::Ok();
  }
  if (impl_->temp_path.empty()) {
    std::cout.flush();
    if (!std::cout) return IoError("<stdout>: write error");
    impl_->committed = true;
    return Status::Ok();
  }
  impl_->file.flush();
  const bool write_failed = !impl_->file;
  impl_->file.close();
  if (write_failed || impl_->file.fail()) {
    return IoError(
        fmt::format("{}: write error (disk full?); the file was not changed", impl_->path));
  }
  // Flush the data to disk before the rename makes it visible, so that a crash cannot leave
  // an empty or partial file under the final name.
  const int fd = ::open(impl_->temp_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) {
      return IoError(fmt::format("{}: cannot flush to disk: {}", impl_->path, ErrnoText(errno)));
    }
  }
  if (std::rename(impl_->temp_path.c_str(), impl_->destination.c_str()) != 0) {
    return IoError(fmt::format("{}: cannot replace: {}", impl_->path, ErrnoText(errno)));
  }
  impl_->committed = true;
  // The file has its final name now: a signal must not remove it.
  ReleaseTemporary(impl_->slot);
  impl_->slot = kTempSlots;
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  TANDEM_ASSIGN_OR_RETURN(AtomicOutput out, AtomicOutput::Open(path));
  out.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  return out.Commit();
}

}  // namespace tandem
