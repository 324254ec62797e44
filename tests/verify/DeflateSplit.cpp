#include "DeflateSplit.h"

#include <isa-l/igzip_lib.h>

#include <immintrin.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace dr::verify::deflate {

namespace {

// Reads little-endian bit fields as deflate stores them; past the end it reads zeros (the caller checks
// `exhausted()` before trusting a result).
class BitReader
{
public:
    BitReader(const std::uint8_t* data, std::size_t size, std::uint64_t bit)
        : m_data(data)
        , m_size(size)
        , m_bit(bit)
    { }

    std::uint32_t peek(unsigned count) const
    {
        const std::uint64_t byte = m_bit >> 3;
        std::uint64_t word = 0;
        if (byte + 8 <= m_size)
            std::memcpy(&word, m_data + byte, 8);
        else
            for (std::uint64_t i = byte; i < m_size; ++i)
                word |= std::uint64_t(m_data[i]) << (8 * (i - byte));
        return std::uint32_t((word >> (m_bit & 7)) & ((std::uint64_t(1) << count) - 1));
    }
    std::uint32_t take(unsigned count)
    {
        const std::uint32_t value = peek(count);
        m_bit += count;
        return value;
    }
    bool exhausted() const { return m_bit > std::uint64_t(m_size) * 8; }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::uint64_t m_bit;
};

// Kraft sum of a code in units of 2^-maxBits: equal to 1 << maxBits when the code is complete.
std::uint32_t kraftSum(const std::uint8_t* lengths, std::size_t count, unsigned maxBits)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < count; ++i)
        if (lengths[i] != 0)
            sum += std::uint32_t(1) << (maxBits - lengths[i]);
    return sum;
}

// Does a full dynamic block header (RFC 1951 3.2.7) start at `bit`, with codes zlib would accept?
bool isDynamicHeader(const std::uint8_t* data, std::size_t size, std::uint64_t bit)
{
    BitReader bits(data, size, bit);
    const std::uint32_t fixedPart = bits.take(17);
    if ((fixedPart & 7) != 4) // BFINAL 0, BTYPE 2
        return false;
    const unsigned literalCount = 257 + ((fixedPart >> 3) & 31);
    const unsigned distanceCount = 1 + ((fixedPart >> 8) & 31);
    const unsigned codeLengthCount = 4 + ((fixedPart >> 13) & 15);
    if (literalCount > 286 || distanceCount > 30)
        return false;

    static constexpr std::array<std::uint8_t, 19> order { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1,
        15 };
    std::array<std::uint8_t, 19> codeLengthLengths {};
    for (unsigned i = 0; i < codeLengthCount; ++i)
        codeLengthLengths[order[i]] = std::uint8_t(bits.take(3));
    if (kraftSum(codeLengthLengths.data(), 19, 7) != 128)
        return false;

    // Canonical code -> table indexed by the next 7 bits (deflate sends codes most significant bit first).
    std::array<std::uint8_t, 128> symbolOf {};
    std::array<std::uint8_t, 128> lengthOf {};
    std::uint32_t code = 0;
    for (unsigned length = 1; length <= 7; ++length) {
        for (unsigned symbol = 0; symbol < 19; ++symbol) {
            if (codeLengthLengths[symbol] != length)
                continue;
            std::uint32_t reversed = 0;
            for (unsigned i = 0; i < length; ++i)
                reversed |= ((code >> i) & 1) << (length - 1 - i);
            for (std::uint32_t fill = reversed; fill < 128; fill += 1u << length) {
                symbolOf[fill] = std::uint8_t(symbol);
                lengthOf[fill] = std::uint8_t(length);
            }
            ++code;
        }
        code <<= 1;
    }

    std::array<std::uint8_t, 286 + 30> lengths {};
    const unsigned total = literalCount + distanceCount;
    for (unsigned i = 0; i < total;) {
        const std::uint32_t next = bits.peek(7);
        const unsigned symbol = symbolOf[next];
        bits.take(lengthOf[next]);
        if (symbol < 16) {
            lengths[i++] = std::uint8_t(symbol);
            continue;
        }
        unsigned repeat = 0;
        std::uint8_t value = 0;
        if (symbol == 16) {
            if (i == 0)
                return false;
            value = lengths[i - 1];
            repeat = 3 + bits.take(2);
        } else if (symbol == 17) {
            repeat = 3 + bits.take(3);
        } else {
            repeat = 11 + bits.take(7);
        }
        if (i + repeat > total)
            return false;
        std::fill_n(lengths.begin() + i, repeat, value);
        i += repeat;
    }
    if (bits.exhausted() || lengths[256] == 0)
        return false;
    if (kraftSum(lengths.data(), literalCount, 15) != 32768)
        return false;
    const std::uint8_t* distances = lengths.data() + literalCount;
    const std::uint32_t distanceSum = kraftSum(distances, distanceCount, 15);
    const auto distanceCodes = std::count_if(distances, distances + distanceCount, [](auto l) { return l != 0; });
    return distanceSum == 32768 || (distanceCodes <= 1 && distanceSum <= 32768);
}

std::array<std::array<std::uint8_t, historySize>, 2> makeMarkerHistories()
{
    std::array<std::array<std::uint8_t, historySize>, 2> histories {};
    for (std::size_t p = 0; p < historySize; ++p) {
        const auto low = std::uint8_t(p & 0xff);
        histories[0][p] = low;
        histories[1][p] = std::uint8_t(low + 1 + (p >> 8)); // never equal to low: 1 + (p >> 8) is 1..128
    }
    return histories;
}

// Bytes [from, to) one at a time: a byte that differs between the two decodes is replaced by the history byte
// its pair of markers names.
bool resolveBytes(std::uint8_t* a, const std::uint8_t* b, std::size_t from, std::size_t to, const std::uint8_t* history)
{
    for (std::size_t i = from; i < to; ++i) {
        if (a[i] == b[i])
            continue;
        const unsigned high = unsigned(std::uint8_t(b[i] - a[i] - 1));
        if (high >= historySize >> 8)
            return false;
        a[i] = history[(high << 8) | a[i]];
    }
    return true;
}

} // namespace

std::optional<std::uint64_t> findDynamicBlock(
    const std::uint8_t* data, std::size_t size, std::uint64_t fromBit, std::uint64_t toBit)
{
    toBit = std::min<std::uint64_t>(toBit, std::uint64_t(size) * 8);
    for (std::uint64_t bit = fromBit; bit < toBit; ++bit) {
        // Cheap filter first: BFINAL 0, BTYPE 2 and the two counts in range pass about one offset in ten.
        const std::uint64_t byte = bit >> 3;
        if (byte + 3 > size)
            break;
        const std::uint32_t head
            = (std::uint32_t(data[byte]) | std::uint32_t(data[byte + 1]) << 8 | std::uint32_t(data[byte + 2]) << 16)
            >> (bit & 7);
        if ((head & 7) != 4 || ((head >> 3) & 31) > 29 || ((head >> 8) & 31) > 29)
            continue;
        if (isDynamicHeader(data, size, bit))
            return bit;
    }
    return std::nullopt;
}

void startAt(inflate_state& state, const std::uint8_t* data, std::uint64_t bit, std::size_t inputEnd,
    const std::uint8_t* history)
{
    isal_inflate_init(&state);
    state.crc_flag = ISAL_DEFLATE;
    if (history)
        isal_inflate_set_dict(&state, const_cast<std::uint8_t*>(history), std::uint32_t(historySize));
    std::size_t byte = std::size_t(bit >> 3);
    if (const unsigned skip = unsigned(bit & 7); skip != 0) {
        state.read_in = data[byte] >> skip;
        state.read_in_length = int32_t(8 - skip);
        ++byte;
    }
    state.next_in = const_cast<std::uint8_t*>(data + byte); // ISA-L only reads its input
    state.avail_in = std::uint32_t(inputEnd - byte);
}

std::uint64_t consumedBit(const inflate_state& state, const std::uint8_t* data)
{
    return std::uint64_t(state.next_in - data) * 8 - std::uint64_t(state.read_in_length)
        - std::uint64_t(state.tmp_in_size) * 8;
}

bool betweenBlocks(const inflate_state& state)
{
    return state.block_state == ISAL_BLOCK_NEW_HDR || state.block_state == ISAL_BLOCK_HDR;
}

const std::uint8_t* markerHistory(int which)
{
    static const auto histories = makeMarkerHistories();
    return histories[std::size_t(which)].data();
}

bool decodeBlocks(const std::uint8_t* data, std::uint64_t fromBit, std::uint64_t toBit, const std::uint8_t* history,
    std::vector<std::uint8_t>& out, std::size_t maxOutput)
{
    inflate_state state;
    startAt(state, data, fromBit, std::size_t((toBit + 7) >> 3), history);
    std::size_t produced = 0;
    if (out.size() < 4 * historySize)
        out.resize(4 * historySize);
    for (;;) {
        state.next_out = out.data() + produced;
        state.avail_out = std::uint32_t(std::min<std::size_t>(out.size() - produced, UINT32_MAX));
        if (isal_inflate(&state) != ISAL_DECOMP_OK)
            return false;
        produced = std::size_t(state.next_out - out.data());
        if (state.avail_in == 0 && state.avail_out != 0)
            break;
        if (state.block_state == ISAL_BLOCK_FINISH || state.block_state == ISAL_BLOCK_INPUT_DONE)
            return false; // the final block lies inside: not a run between two found blocks
        if (state.avail_out == 0) {
            if (out.size() >= maxOutput)
                return false;
            out.resize(std::min(maxOutput, out.size() * 2));
        }
    }
    out.resize(produced);
    return betweenBlocks(state) && consumedBit(state, data) == toBit;
}

bool resolveMarkers(
    std::vector<std::uint8_t>& first, const std::vector<std::uint8_t>& second, const std::uint8_t* trueHistory)
{
    if (first.size() != second.size())
        return false;
    const std::size_t size = first.size();
    std::uint8_t* a = first.data();
    const std::uint8_t* b = second.data();
    std::size_t i = 0;
    for (;;) {
        // Most bytes are literals or copies of literals, equal in both decodes: skip them 8 at a time.
        while (i + 8 <= size && std::memcmp(a + i, b + i, 8) == 0)
            i += 8;
        if (i >= size)
            return true;
        const std::size_t stop = std::min(size, i + 8);
        if (!resolveBytes(a, b, i, stop, trueHistory))
            return false;
        i = stop;
    }
}

__attribute__((target("avx512f,avx512bw,avx512vl"))) static bool resolveAvx512(
    std::uint8_t* a, const std::uint8_t* b, std::size_t size, const std::uint8_t* history)
{
    std::size_t i = 0;
    for (; i + 16 <= size; i += 16) {
        const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i));
        const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
        const __mmask16 differ = _mm_cmpneq_epi8_mask(first, second);
        if (differ == 0)
            continue;
        const __m128i high = _mm_sub_epi8(_mm_sub_epi8(second, first), _mm_set1_epi8(1));
        if (_mm_mask_cmpgt_epu8_mask(differ, high, _mm_set1_epi8(127)) != 0)
            return false;
        const __m512i position
            = _mm512_or_si512(_mm512_cvtepu8_epi32(first), _mm512_slli_epi32(_mm512_cvtepu8_epi32(high), 8));
        const __m512i gathered = _mm512_mask_i32gather_epi32(
            _mm512_setzero_si512(), differ, position, reinterpret_cast<const int*>(history), 1);
        _mm_storeu_si128(
            reinterpret_cast<__m128i*>(a + i), _mm_mask_blend_epi8(differ, first, _mm512_cvtepi32_epi8(gathered)));
    }
    return resolveBytes(a, b, i, size, history);
}

bool resolveMarkersAvx512(
    std::vector<std::uint8_t>& first, const std::vector<std::uint8_t>& second, const std::uint8_t* trueHistory)
{
    if (first.size() != second.size() || !__builtin_cpu_supports("avx512bw") || !__builtin_cpu_supports("avx512vl"))
        return false;
    return resolveAvx512(first.data(), second.data(), first.size(), trueHistory);
}

} // namespace dr::verify::deflate
