// Private: data files compiled into the library (see core/cmake/embed_files.cmake), so that
// tandem finds its data at run time without any install path.
#pragma once

#include <span>
#include <string_view>

namespace tandem::internal {

struct EmbeddedFile {
  std::string_view name;     // the file name without directory and extension ("en")
  std::string_view content;  // its bytes
};

// core/data/segmentation/*.rules, in the order CMake lists them.
std::span<const EmbeddedFile> SegmentationRuleFiles();

}  // namespace tandem::internal
