// Private: exp for the search's inner loops, where glibc's exp (with its error handling) was a
// fifth of an alignment's time. Accurate to about 1e-15 (relative), far below what a cost or a
// four-decimal posterior can show.
#pragma once

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

namespace tandem::align::internal {

// 2^(j / 64) for j = 0 .. 63.
inline const std::array<double, 64> kExp2Sixtyfourths = [] {
  std::array<double, 64> table{};
  for (int j = 0; j < 64; ++j) table[j] = std::exp2(j / 64.0);
  return table;
}();

// e^x for x <= 0 (0 below -700).
inline double FastExp(double x) {
  if (x < -700) return 0.0;
  // x = k ln2 / 64 + r with |r| <= ln2 / 128, so e^x = 2^(k div 64) 2^((k mod 64) / 64) e^r.
  constexpr double kSixtyfourOverLn2 = 92.33248261689366;
  constexpr double kLn2High = 0.6931471803691238 / 64;     // ln 2 / 64 split in two for an exact
  constexpr double kLn2Low = 1.9082149292705877e-10 / 64;  // reduction
  // The nearest integer (std::nearbyint is a library call without SSE4.1).
  const double y = x * kSixtyfourOverLn2;
  const auto k = static_cast<std::int64_t>(y < 0 ? y - 0.5 : y + 0.5);
  const double r = (x - static_cast<double>(k) * kLn2High) - static_cast<double>(k) * kLn2Low;
  // e^r by its Taylor series to r^5 (the next term is below 4e-17 relative).
  double p = 1.0 / 120;
  p = p * r + 1.0 / 24;
  p = p * r + 1.0 / 6;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  // k = 64 q + j with 0 <= j < 64 (k >= -64700, so q >= -1011 and the result stays normal or
  // is 0): times 2^(j / 64) from the table, then 2^q by adding q to the exponent.
  const std::int64_t q = k >> 6;  // floor division (arithmetic shift)
  const double scaled = p * kExp2Sixtyfourths[static_cast<std::size_t>(k & 63)];
  const auto bits = std::bit_cast<std::uint64_t>(scaled) + (static_cast<std::uint64_t>(q) << 52);
  return std::bit_cast<double>(bits);
}

}  // namespace tandem::align::internal
