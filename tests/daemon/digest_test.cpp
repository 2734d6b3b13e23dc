// common/digest.hpp against published test vectors: the content hash is the register's key for
// "ingested before", so a wrong digest would re-ingest (or merge) documents.
#include "common/digest.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/hex.hpp"

namespace actiontrack {
namespace {

TEST(Digest, Sha256MatchesFips180Vectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // A million 'a's: many blocks, as a document is.
    EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Digest, HmacSha256MatchesRfc4231Vectors) {
    // Test case 2: a short key.
    auto mac = hmac_sha256("Jefe", "what do ya want for nothing?");
    ASSERT_TRUE(mac) << mac.error().message();
    EXPECT_EQ(to_hex(*mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // Test case 6: a key longer than the block, hashed first.
    mac = hmac_sha256(std::string(131, '\xaa'),
                      "Test Using Larger Than Block-Size Key - Hash Key First");
    ASSERT_TRUE(mac) << mac.error().message();
    EXPECT_EQ(to_hex(*mac), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(Digest, RandomHexHasTheLengthAskedAndDoesNotRepeat) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        auto secret = random_hex(32);
        ASSERT_TRUE(secret) << secret.error().message();
        EXPECT_EQ(secret->size(), 64u);
        EXPECT_EQ(secret->find_first_not_of("0123456789abcdef"), std::string::npos) << *secret;
        seen.insert(*secret);
    }
    EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace actiontrack
