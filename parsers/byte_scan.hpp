#pragma once
// Sixteen bytes at a time. The decoder, the normaliser and the sentence splitter look at every
// byte of every document, and at ~5 ns per byte for the whole extractor a byte-by-byte loop per
// stage is already too slow. Their scans compare a block of 16 bytes at once and only look at
// single bytes where a block holds something of interest.
//
// Written with GCC/Clang vector extensions, which compile to SSE2 on x86-64 and to NEON on ARM;
// only mask() needs a per-target instruction, with a portable loop as the fallback.

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace actiontrack::parsers::byte_scan {

inline constexpr std::size_t k_block = 16;

// Sixteen bytes; comparing them (`bytes == ' '`) gives Lanes, each 0x00 or 0xFF.
typedef unsigned char Bytes __attribute__((vector_size(16)));
typedef signed char Lanes __attribute__((vector_size(16)));

// Reads 16 bytes from `p`, which need not be aligned; all 16 must be readable.
inline Bytes load(const char* p) {
    Bytes v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// Bit i set when lane i is set.
inline std::uint32_t mask(Lanes lanes) {
#if defined(__SSE2__)
    return static_cast<std::uint32_t>(_mm_movemask_epi8(reinterpret_cast<__m128i>(lanes)));
#else
    std::uint32_t bits = 0;
    for (int i = 0; i < 16; ++i) bits |= static_cast<std::uint32_t>(lanes[i] < 0) << i;
    return bits;
#endif
}

// The bits of a block's mask that fall before `end` (a block starting at `start`).
inline std::uint32_t keep_before(std::uint32_t bits, std::size_t start, std::size_t end) {
    return end - start >= k_block ? bits : bits & ((1u << (end - start)) - 1u);
}

inline unsigned first_bit(std::uint32_t bits) { return static_cast<unsigned>(__builtin_ctz(bits)); }

// The first index in [from, size) whose byte satisfies `hit`, or `size`. `block_hits(p)` gives the
// mask for the 16 bytes at p and must agree with `hit` byte by byte; it is only called where all
// 16 bytes lie before `size`.
template <class BlockHits, class Hit>
std::size_t find_if(const char* data, std::size_t from, std::size_t size, BlockHits block_hits, Hit hit) {
    std::size_t i = from;
    for (; i + k_block <= size; i += k_block)
        if (const std::uint32_t bits = block_hits(data + i)) return i + first_bit(bits);
    for (; i < size; ++i)
        if (hit(static_cast<unsigned char>(data[i]))) return i;
    return size;
}

// The first i in [from, size) with data[i] == a and data[i + 1] == b, or `size`. Reads only
// within [data, data + size).
inline std::size_t find_pair(const char* data, std::size_t from, std::size_t size, char a, char b) {
    std::size_t i = from;
    for (; i + k_block + 1 <= size; i += k_block) {
        const Lanes pairs = (load(data + i) == static_cast<unsigned char>(a)) &
                            (load(data + i + 1) == static_cast<unsigned char>(b));
        if (const std::uint32_t bits = mask(pairs)) return i + first_bit(bits);
    }
    for (; i + 1 < size; ++i)
        if (data[i] == a && data[i + 1] == b) return i;
    return size;
}

// The first i in [from, size) with data[i] == a or data[i] == b, or `size`. Reads only within
// [data, data + size).
inline std::size_t find_either(const char* data, std::size_t from, std::size_t size, char a, char b) {
    std::size_t i = from;
    for (; i + k_block <= size; i += k_block) {
        const Bytes bytes = load(data + i);
        const Lanes hits = (bytes == static_cast<unsigned char>(a)) | (bytes == static_cast<unsigned char>(b));
        if (const std::uint32_t bits = mask(hits)) return i + first_bit(bits);
    }
    for (; i < size; ++i)
        if (data[i] == a || data[i] == b) return i;
    return size;
}

// Calls on_hit(i) for every i in [0, size), in order, whose byte satisfies `hit`. `block_hits`
// is as for find_if. For bytes that are rare in text, where visiting each one is cheap.
template <class BlockHits, class Hit, class OnHit>
void for_each(const char* data, std::size_t size, BlockHits block_hits, Hit hit, OnHit on_hit) {
    std::size_t i = 0;
    for (; i + k_block <= size; i += k_block)
        for (std::uint32_t bits = block_hits(data + i); bits != 0; bits &= bits - 1) on_hit(i + first_bit(bits));
    for (; i < size; ++i)
        if (hit(static_cast<unsigned char>(data[i]))) on_hit(i);
}

}  // namespace actiontrack::parsers::byte_scan
