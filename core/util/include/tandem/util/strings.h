// Internal (not installed): string helpers more than one layer needs.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace tandem::internal {

// Replaces every occurrence of `marker` in `text` by `value`, in one pass, so that values that
// contain a marker are not expanded again. `marker` must not be empty.
inline void ReplaceAll(std::string& text, std::string_view marker, std::string_view value) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t found = text.find(marker); found != std::string::npos;
       found = text.find(marker, at)) {
    out.append(text, at, found - at);
    out.append(value);
    at = found + marker.size();
  }
  out.append(text, at);
  text = std::move(out);
}

}  // namespace tandem::internal
