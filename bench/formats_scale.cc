// Writes or reads a generated corpus in one format and prints the time and the peak memory of
// the process. bench/formats_scale.sh runs it for a million beads in each format.
//
//   tandem_bench_formats write tei 1000000 /tmp/big.tei.xml
//   tandem_bench_formats read tei /tmp/big.tei.xml
//
// Output, one line: "write tei: 1000000 beads, 1129206 + 1127869 sentences, 701.8 MB in 3.55 s
// (3.40 s CPU), peak 0.63 GB". The time of a write is the write alone (the corpus is generated
// first, and is part of the peak, as it would be in any program that writes a corpus); reading
// runs in a process of its own, so its peak is the reader's.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <sys/resource.h>

#include <fmt/format.h>

#include "generated_corpus.h"
#include "tandem/tei/formats.h"

namespace {

double PeakGigabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / (1024.0 * 1024.0);  // ru_maxrss is in KiB
}

// User and system CPU time of the process so far: on a machine shared with others, the wall
// clock says more about the others.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double Megabytes(const std::vector<std::string>& paths) {
  std::uintmax_t bytes = 0;
  for (const std::string& path : paths) {
    std::error_code ec;
    bytes += std::filesystem::file_size(path, ec);
  }
  return static_cast<double>(bytes) / 1e6;
}

int Usage() {
  std::cerr << "usage: tandem_bench_formats write FORMAT BEADS FILE\n"
               "       tandem_bench_formats read FORMAT FILE\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return Usage();
  const std::string mode = argv[1];
  const std::optional<tandem::tei::Format> format = tandem::tei::FormatFromName(argv[2]);
  if (!format) return Usage();
  using Clock = std::chrono::steady_clock;
  if (mode == "write" && argc == 5) {
    const std::size_t beads = std::strtoull(argv[3], nullptr, 10);
    const tandem::corpora::Bitext bitext = tandem::testing::GenerateBitext(
        {.beads = beads, .seed = 42, .min_words = 3, .max_words = 30});
    const tandem::tei::WriteRequest request{
        .path = argv[4], .format = *format, .keep_unaligned = true};
    const double cpu_start = CpuSeconds();
    const auto start = Clock::now();
    const tandem::Status status = tandem::tei::WriteBitext(bitext, request);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double cpu = CpuSeconds() - cpu_start;
    if (!status.ok()) {
      std::cerr << "error: " << status.message() << '\n';
      return 1;
    }
    std::cout << fmt::format(
        "write {}: {} beads, {} + {} sentences, {:.1f} MB in {:.2f} s ({:.2f} s CPU), peak "
        "{:.2f} GB\n",
        argv[2], bitext.ladder.size(), bitext.source.sentences.size(),
        bitext.target.sentences.size(), Megabytes(tandem::tei::OutputPaths(bitext, request)),
        seconds, cpu, PeakGigabytes());
    return 0;
  }
  if (mode == "read" && argc == 4) {
    tandem::tei::ReadRequest request{
        .path = argv[3], .format = *format, .source_language = "en", .target_language = "hu"};
    const auto start = Clock::now();
    tandem::StatusOr<tandem::corpora::Bitext> bitext = tandem::tei::ReadBitext(request);
    const double cpu = CpuSeconds();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!bitext.ok()) {
      std::cerr << "error: " << bitext.status().message() << '\n';
      return 1;
    }
    std::cout << fmt::format(
        "read  {}: {} beads, {} + {} sentences in {:.2f} s ({:.2f} s CPU), peak {:.2f} GB\n",
        argv[2], bitext->ladder.size(), bitext->source.sentences.size(),
        bitext->target.sentences.size(), seconds, cpu, PeakGigabytes());
    return 0;
  }
  return Usage();
}
