#pragma once

// Test data for the verifier's memory test and bench, in plain C++ (a child process runs the generator).

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include <sys/resource.h>

namespace dr::test {

/// Writes to `out` an uncompressed tar stream of `fileCount` members of `fileSize` bytes each, holding text
/// like pg_dump's COPY data (ids, snowflakes from a pool, words, time stamps): about 4:1 under gzip -6.
/// Deterministic, so a cached archive is the same on every run. Plain C++ so a child process can run it.
inline bool writeDumpLikeTar(std::FILE* out, int fileCount, std::uint64_t fileSize)
{
    std::uint64_t state = 88172645463325252ull;
    auto random = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    static const char* const words[] = { "remind", "me", "to", "check", "the", "backup", "server", "tomorrow",
        "meeting", "at", "noon", "with", "team", "deploy", "new", "version", "of", "bot", "call", "mom", "buy", "milk",
        "renew", "certificate", "review", "pull", "request", "update", "dependencies", "water", "plants", "pay", "rent",
        "dentist", "appointment", "on", "friday", "send", "report", "weekly", "standup", "raid", "tonight", "guild",
        "event", "stream", "start", "game", "night", "cleanup", "logs", "rotate", "keys", "drink", "coffee", "walk",
        "dog", "finish", "homework", "read", "book", "chapter", "release", "notes", "patch", "tuesday", "monday" };
    std::vector<std::uint64_t> users(120);
    for (auto& user : users)
        user = 100000000000000000ull + random() % 900000000000000000ull;

    long long rowId = 1;
    long long stamp = 1700000000;
    std::string text;
    for (int file = 0; file < fileCount; ++file) {
        char header[512] = {};
        std::snprintf(header, 100, "dump/reminders-%03d.sql", file);
        std::snprintf(header + 100, 8, "%07o", 0644);
        std::snprintf(header + 108, 8, "%07o", 0);
        std::snprintf(header + 116, 8, "%07o", 0);
        std::snprintf(header + 124, 12, "%011llo", static_cast<unsigned long long>(fileSize));
        std::snprintf(header + 136, 12, "%011llo", 1725847200ull);
        header[156] = '0';
        std::memcpy(header + 257, "ustar", 6);
        std::memcpy(header + 263, "00", 2);
        std::memset(header + 148, ' ', 8);
        unsigned checksum = 0;
        for (unsigned char byte : header)
            checksum += byte;
        std::snprintf(header + 148, 8, "%06o", checksum);
        if (std::fwrite(header, 1, sizeof header, out) != sizeof header)
            return false;

        std::uint64_t written = 0;
        while (written < fileSize) {
            text.clear();
            while (text.size() < (1u << 20)) {
                char line[512];
                stamp += static_cast<long long>(random() % 31);
                int length = std::snprintf(line, sizeof line, "%lld\t%llu\t%llu\t", rowId++,
                    static_cast<unsigned long long>(users[random() % users.size()]),
                    static_cast<unsigned long long>(800000000000000000ull + (random() % 40) * 7919));
                text.append(line, static_cast<std::size_t>(length));
                const int wordCount = 3 + static_cast<int>(random() % 9);
                for (int i = 0; i < wordCount; ++i) {
                    if (i > 0)
                        text += ' ';
                    text += words[random() % (sizeof words / sizeof *words)];
                }
                const std::time_t seconds = stamp;
                std::tm utc {};
                gmtime_r(&seconds, &utc);
                length = static_cast<int>(std::strftime(line, sizeof line, "\t%Y-%m-%d %H:%M:%S+00\t", &utc));
                text.append(line, static_cast<std::size_t>(length));
                length = std::snprintf(
                    line, sizeof line, "%s\t%u\n", random() % 3 ? "t" : "f", static_cast<unsigned>(random() % 2000));
                text.append(line, static_cast<std::size_t>(length));
            }
            const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(text.size(), fileSize - written));
            if (std::fwrite(text.data(), 1, take, out) != take)
                return false;
            written += take;
        }
        const std::size_t padding = static_cast<std::size_t>((512 - fileSize % 512) % 512);
        static const char zeros[10240] = {};
        if (padding && std::fwrite(zeros, 1, padding, out) != padding)
            return false;
    }
    static const char endOfArchive[10240] = {};
    return std::fwrite(endOfArchive, 1, sizeof endOfArchive, out) == sizeof endOfArchive;
}

/// CPU seconds (user + system) of this process (RUSAGE_SELF) or of its waited-for children (RUSAGE_CHILDREN): load
/// on the shared machine stretches wall time, much less CPU time.
inline double cpuSeconds(int who)
{
    rusage usage {};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// The peak resident set of this process so far (VmHWM), in KiB; -1 when unknown.
inline long long peakRssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            long long kib = -1;
            status >> kib;
            return kib;
        }
        status.ignore(1 << 12, '\n');
    }
    return -1;
}

/// Lets the peak resident set start again from the current one (Linux: "5" to /proc/self/clear_refs).
inline bool resetPeakRss()
{
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return bool(clear);
}

} // namespace dr::test
