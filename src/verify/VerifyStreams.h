#pragma once

// Internal to drverify: the stages of the one-pass pipeline (file -> decrypt -> inflate -> consumer).
// No OpenSSL, ISA-L or libarchive header here: their state lives in the .cpp.

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace dr::verify {

/// A run of bytes owned by the stream that returned it, valid until its next call. Empty = end of stream.
struct Block
{
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
    bool atEnd() const { return size == 0; }
};

/// A pull stream of blocks. Faults come back as an Error whose message names the fault, not the file
/// (the verifier adds the file): Code::Corrupt/InvalidInput for a bad backup, Io/Internal when the check could
/// not run, Cancelled.
class ByteStream
{
public:
    virtual ~ByteStream() = default;
    virtual Result<Block> next() = 0;
    /// Reads to the end, discarding (the file source still hashes what it reads).
    Result<void> drain();
};

/// Hands every block to `consume` (returning Result<void>) until the end or the first fault.
template <typename Consume> Result<void> consumeAll(ByteStream& stream, Consume&& consume)
{
    for (;;) {
        auto block = stream.next();
        if (!block)
            return block.error();
        if (block->atEnd())
            return {};
        if (auto consumed = consume(*block); !consumed)
            return consumed;
    }
}

/// Reads the file in fixed chunks (memory stays flat) and hashes every chunk with SHA-256 on its own
/// thread while the caller decodes, so the pass costs the slower of the two, not their sum.
class RawFileSource final : public ByteStream
{
    Q_DECLARE_TR_FUNCTIONS(RawFileSource)

public:
    RawFileSource(const QString& path, qint64 expectedSize, const std::atomic_bool* cancel,
        std::function<void(qint64, qint64)> progress);
    ~RawFileSource() override;
    RawFileSource(const RawFileSource&) = delete;
    RawFileSource& operator=(const RawFileSource&) = delete;

    /// Opens the file; NotFound when it is gone, Io when it cannot be read.
    Result<void> open();
    Result<Block> next() override;
    /// After the end was reached: the lower-case hex SHA-256 of every byte read.
    QString sha256Hex();
    qint64 bytesRead() const;

private:
    struct State;
    std::unique_ptr<State> d;
};

/// `openssl enc -d -aes-256-cbc -pbkdf2` (PBKDF2-HMAC-SHA256, 10000 iterations, "Salted__" + salt header).
/// The key stays in memory only; derived key material is wiped after use.
class DecryptStream final : public ByteStream
{
    Q_DECLARE_TR_FUNCTIONS(DecryptStream)

public:
    DecryptStream(ByteStream& upstream, const QByteArray& passphrase);
    ~DecryptStream() override;
    DecryptStream(const DecryptStream&) = delete;
    DecryptStream& operator=(const DecryptStream&) = delete;

    Result<Block> next() override;

    static constexpr int headerSize = 16;
    static bool hasMagic(const Block& head);
    /// The decrypted bytes were recognised (they decode as gzip, or start with their kind's magic): the key is
    /// right, so a last block that does not decrypt is damage (Corrupt), no longer a wrong key (AuthFailed).
    void confirmKey();

private:
    struct State;
    std::unique_ptr<State> d;
};

/// gzip with ISA-L: every member of a multi-member file, each one's CRC32 and ISIZE checked; truncation,
/// corrupt deflate data and trailing garbage are faults. A file of many members (as backup-system.sh writes
/// them) is decoded on all cores, in segments of whole members; see the .cpp for how a cut is proven.
class GunzipStream final : public ByteStream
{
    Q_DECLARE_TR_FUNCTIONS(GunzipStream)

public:
    explicit GunzipStream(ByteStream& upstream);
    ~GunzipStream() override;
    GunzipStream(const GunzipStream&) = delete;
    GunzipStream& operator=(const GunzipStream&) = delete;

    Result<Block> next() override;
    qint64 members() const;
    /// Segments of whole members decoded on their own (by a worker, or the caller's thread when it would wait);
    /// the rest was decoded in order.
    qint64 segmentsDecodedAlone() const;

private:
    struct State;
    std::unique_ptr<State> d;
};

/// Lets the verifier look at the first bytes (magic numbers) before a consumer reads the whole stream.
class PeekStream final : public ByteStream
{
public:
    explicit PeekStream(ByteStream& upstream)
        : m_upstream(upstream)
    { }

    /// Up to `size` first bytes (fewer only when the stream is shorter).
    Result<QByteArray> peek(qsizetype size);
    Result<Block> next() override;
    /// Bytes handed out by next() so far.
    qint64 bytesOut() const { return m_bytesOut; }

private:
    ByteStream& m_upstream;
    QByteArray m_head;
    qsizetype m_headOffset = 0;
    bool m_upstreamEnded = false;
    qint64 m_bytesOut = 0;
};

} // namespace dr::verify
