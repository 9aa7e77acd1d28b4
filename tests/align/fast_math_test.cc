#include "fast_math.h"

#include <cmath>
#include <limits>
#include <random>

#include <gtest/gtest.h>

namespace tandem::align::internal {
namespace {

TEST(FastExp, AgreesWithExpOverTheSearchsRange) {
  // Every x the search gives it, from the gaps of sums (0 to -50) to far below a double's range,
  // with the table's joints (multiples of ln 2 / 64) and the halfway points between them.
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> uniform(-700.0, 0.0);
  double worst = 0;
  auto check = [&worst](double x) {
    const double expected = std::exp(x);
    worst = std::max(worst, std::abs(FastExp(x) - expected) / expected);
  };
  for (int n = 0; n < 200000; ++n) check(uniform(random));
  for (int k = -64 * 1000; k <= 0; ++k) {
    check(k * std::log(2.0) / 64);
    check((k - 0.5) * std::log(2.0) / 64);
  }
  EXPECT_LT(worst, 1e-14);
  EXPECT_EQ(FastExp(0.0), 1.0);
  EXPECT_EQ(FastExp(-std::numeric_limits<double>::infinity()), 0.0);
  EXPECT_EQ(FastExp(-701.0), 0.0);
  EXPECT_GT(FastExp(-700.0), 0.0);
  EXPECT_TRUE(std::isnormal(FastExp(-700.0)));
}

}  // namespace
}  // namespace tandem::align::internal
