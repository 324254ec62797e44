#pragma once

// For bench_split_inflate: the pieces a two-core inflate of ONE deflate stream needs, so that their cost can be
// measured on this machine (the verifier itself inflates on one core; see the bench for why).
//
// A deflate stream is a chain of blocks with no index, and a block's back-references reach up to 32 KiB
// into output that only the decoder of everything before it knows. So a second core starts at a block
// found by its header's shape, decodes it twice with two made-up 32 KiB histories whose bytes encode
// their own position (a byte that differs between the two decodes came from the history, and the pair
// says from where), and the first core, once it reaches that block with the true history, replaces those
// bytes. Whether a found block is real is proven by decoding, never assumed: the first core must stop
// exactly at it between two blocks, and the speculative decode must end exactly at the next found block.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

struct inflate_state;

namespace dr::verify::deflate {

constexpr std::size_t historySize = 32 * 1024;

/// The first bit offset in [fromBit, toBit) where a non-final dynamic-Huffman block header parses with
/// complete codes, or nothing. Reads only `data[0, size)`.
std::optional<std::uint64_t> findDynamicBlock(
    const std::uint8_t* data, std::size_t size, std::uint64_t fromBit, std::uint64_t toBit);

/// Sets `state` up to decode raw deflate from bit `bit` of `data` (a block start) with `history` as the
/// 32 KiB before it (nullptr: none), input up to byte `inputEnd` of `data`.
void startAt(inflate_state& state, const std::uint8_t* data, std::uint64_t bit, std::size_t inputEnd,
    const std::uint8_t* history);

/// The bit offset in `data` up to which `state` has consumed input (its buffered bits not counted),
/// when `data` is the buffer it is being fed from.
std::uint64_t consumedBit(const inflate_state& state, const std::uint8_t* data);

/// True when `state` stopped between two blocks (the next header not yet read).
bool betweenBlocks(const inflate_state& state);

/// The two made-up histories: byte p of the first and second differ for every p, and the pair of bytes
/// names p.
const std::uint8_t* markerHistory(int which);

/// Decodes [fromBit, toBit) of `data` with a made-up history into `out` (replacing it). False when the
/// range is not exactly a run of whole blocks, the data is invalid, or the output would exceed `maxOutput`.
bool decodeBlocks(const std::uint8_t* data, std::uint64_t fromBit, std::uint64_t toBit, const std::uint8_t* history,
    std::vector<std::uint8_t>& out, std::size_t maxOutput);

/// Turns the first decode (with markerHistory(0)) into the true output, in place, given the second decode
/// (markerHistory(1)) and the true 32 KiB before the range. False if the two decodes disagree in a way
/// markers cannot explain.
bool resolveMarkers(
    std::vector<std::uint8_t>& first, const std::vector<std::uint8_t>& second, const std::uint8_t* trueHistory);

/// The same with AVX-512 gathers, 16 bytes at a time (this machine has AVX-512); false also when the CPU
/// lacks AVX-512 BW/VL. The gather reads 4 bytes at a position: `trueHistory` needs 3 readable bytes past its end.
bool resolveMarkersAvx512(
    std::vector<std::uint8_t>& first, const std::vector<std::uint8_t>& second, const std::uint8_t* trueHistory);

} // namespace dr::verify::deflate
