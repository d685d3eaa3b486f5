namespace PluginApis.Quota.Redis;

/// <summary>
/// The Lua scripts that keep a fleet's shared quota in Redis. Each runs atomically on the server and reads the time with
/// <c>TIME</c>, so the clocks of the workers never matter. Times are microseconds of the Redis clock.
/// </summary>
/// <remarks>
/// A policy bucket is a hash of: <c>tat</c>, the theoretical arrival time of the next request (GCRA); <c>ps</c>/<c>pu</c>,
/// the start and end of a pause after a 429; <c>wlo</c>/<c>whi</c>, the earliest and latest end of the server's current
/// window as its responses bound it; <c>seen</c>, the last time a response was recorded; <c>probe</c>, until when one probe
/// past a long wait is out. Requests are spaced <c>window × (1 + margin) / limit</c> apart, so any span of one window
/// holds at most <c>limit</c> of them whatever the server's window alignment. The operations hash maps each operation to the
/// policy its responses announced (<c>limit:windowMs</c>); operations announcing the same policy share one bucket.
/// </remarks>
internal static class QuotaScripts
{
    /// <summary>Shared prelude: the Redis time, the operation's policy and bucket, the spacing of its requests.</summary>
    private const string Prelude = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local function str(n) return string.format('%.0f', n) end
        local policy = redis.call('HGET', KEYS[1], ARGV[1])
        local learned = policy and 1 or 0
        policy = policy or ARGV[2]
        local limit, window = string.match(policy, '^(%d+):(%d+)$')
        limit = tonumber(limit)
        window = tonumber(window) * 1000
        local spacing = math.floor(window * (1 + tonumber(ARGV[4])) / limit + 0.5)
        local bucket = ARGV[3] .. policy
        local function expire(tat) redis.call('PEXPIRE', bucket, math.ceil((math.max(tat, now) - now + 2 * window) / 1000)) end
        """;

    /// <summary>
    /// Reserves the next slot. KEYS: operations hash, fleet set. ARGV: operation, default policy, bucket prefix, margin,
    /// lane (1 = batch), longest wait (µs), batch queue limit (µs), instance id, restart hint (µs, 0 = none: where this
    /// process last saw the schedule, used when the bucket is gone, e.g. after a Redis restart), longest wait of an unlearned
    /// policy (µs), the hint's policy, the requests this process sent on its own in the last window (after an outage).
    /// Returns {reserved (1, 0 = ask again, 2 = probe), wait µs, limit, window µs, fleet size,
    /// slot µs, spacing µs, learned, now µs}.
    /// </summary>
    public const string Acquire = """
        if ARGV[11] ~= '' and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
          -- Redis forgot the operation's policy (a restart): the process that still knows it teaches it again.
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[11])
          redis.call('PEXPIRE', KEYS[1], 2 * tonumber(string.match(ARGV[11], ':(%d+)$')))
        end
        """ + "\n" + Prelude + """

        redis.call('ZADD', KEYS[2], str(now), ARGV[8])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', str(now - 2 * window))
        redis.call('PEXPIRE', KEYS[2], math.ceil(2 * window / 1000))
        local fleet = redis.call('ZCARD', KEYS[2])
        local tat = tonumber(redis.call('HGET', bucket, 'tat'))
        if not tat then tat = (ARGV[11] == policy) and tonumber(ARGV[9]) or now end
        if tat < now then tat = now end
        if tonumber(ARGV[12]) > 0 then
          -- This process paced itself while Redis was away: make room for what it sent in the last window.
          tat = tat + tonumber(ARGV[12]) * spacing
          redis.call('HSET', bucket, 'tat', str(tat))
          expire(tat)
        end
        local wait = tat - now
        local queue = tonumber(ARGV[6])
        if ARGV[5] == '1' then queue = math.min(queue, tonumber(ARGV[7])) end
        if learned == 0 then queue = math.min(queue, tonumber(ARGV[10])) end
        if wait > queue then
          if wait > tonumber(ARGV[6]) and ARGV[5] ~= '1' then
            local seen = tonumber(redis.call('HGET', bucket, 'seen')) or 0
            local probe = tonumber(redis.call('HGET', bucket, 'probe')) or 0
            if now - seen >= tonumber(ARGV[6]) and probe < now then
              redis.call('HSET', bucket, 'probe', str(now + tonumber(ARGV[6])))
              return {2, 0, limit, window, fleet, now, spacing, learned, now}
            end
          end
          local again = wait
          if wait <= tonumber(ARGV[6]) then
            again = wait - queue
            if learned == 0 then again = math.min(again, tonumber(ARGV[10])) end
          end
          return {0, again, limit, window, fleet, tat, spacing, learned, now}
        end
        redis.call('HSET', bucket, 'tat', str(tat + spacing))
        expire(tat + spacing)
        return {1, wait, limit, window, fleet, tat, spacing, learned, now}
        """;

    /// <summary>
    /// Confirms a slot shortly before it is due: still valid unless a 429 paused the scope after it was granted; then a new slot
    /// after the pause is reserved (when within the longest wait). KEYS: operations hash. ARGV: operation, default policy,
    /// bucket prefix, margin, slot (µs), longest wait (µs). Returns {1, wait µs} (go when it is due), {0, wait µs, slot µs} (new slot, ask again),
    /// or {3, wait µs} (no slot within the longest wait).
    /// </summary>
    public const string Confirm = Prelude + """

        local slot = tonumber(ARGV[5])
        local ps = tonumber(redis.call('HGET', bucket, 'ps')) or 0
        local pu = tonumber(redis.call('HGET', bucket, 'pu')) or 0
        if slot < ps or slot >= pu then return {1, math.max(0, slot - now)} end
        local tat = tonumber(redis.call('HGET', bucket, 'tat')) or now
        if tat < now then tat = now end
        if tat - now > tonumber(ARGV[6]) then return {3, tat - now} end
        redis.call('HSET', bucket, 'tat', str(tat + spacing))
        expire(tat + spacing)
        return {0, tat - now, tat}
        """;

    /// <summary>
    /// Records a response: learns the operation's policy, lets the server's count push the schedule back (never forward),
    /// and on a 429 pauses every worker until the announced time (Retry-After, when sent, wins over the count). KEYS: operations hash. ARGV: operation, default policy,
    /// bucket prefix, margin, slot (µs), learned policy ('' = none), remaining (-1 = unknown), earliest reset (µs, -1),
    /// latest reset (µs, -1), retry-after (µs, -1), rate limited (1/0).
    /// </summary>
    public const string Record = """
        local announced = ARGV[6]
        if announced ~= '' then
          local w = tonumber(string.match(announced, ':(%d+)$')) * 2
          redis.call('HSET', KEYS[1], ARGV[1], announced)
          if redis.call('PTTL', KEYS[1]) < w then redis.call('PEXPIRE', KEYS[1], w) end
        end
        """ + "\n" + Prelude + """

        local slot = tonumber(ARGV[5])
        local remaining = tonumber(ARGV[7])
        local resetLo = tonumber(ARGV[8])
        local resetHi = tonumber(ARGV[9])
        local retryAfter = tonumber(ARGV[10])
        local stored = tonumber(redis.call('HGET', bucket, 'tat')) or now
        local tat = math.max(stored, now)
        if resetLo >= 0 and resetHi >= 0 then
          -- Each response bounds the server window's end; responses of one window narrow the bounds together.
          local lo, hi = now + resetLo, now + resetHi
          local wlo = tonumber(redis.call('HGET', bucket, 'wlo')) or 0
          local whi = tonumber(redis.call('HGET', bucket, 'whi')) or 0
          if lo > whi or hi < wlo then wlo, whi = lo, hi else wlo, whi = math.max(wlo, lo), math.min(whi, hi) end
          redis.call('HSET', bucket, 'wlo', str(wlo), 'whi', str(whi))
          if remaining >= 0 and retryAfter < 0 then
            -- Slots still ahead have not reached the server; the ones due are taken as counted.
            local later = math.max(0, math.ceil((stored - now) / spacing) - 1)
            local left = math.max(0, remaining - later)
            tat = math.max(tat, wlo - left * spacing)
          end
        end
        if ARGV[11] == '1' then
          local pause = retryAfter
          if pause < 0 then pause = resetHi end
          if pause < 0 then pause = spacing end
          local pu = tonumber(redis.call('HGET', bucket, 'pu')) or 0
          if now + pause > pu then
            if pu <= now then redis.call('HSET', bucket, 'ps', str(now)) end
            redis.call('HSET', bucket, 'pu', str(now + pause))
          end
          tat = math.max(tat, now + pause)
        end
        redis.call('HSET', bucket, 'seen', str(now), 'probe', '0')
        if tat > stored then redis.call('HSET', bucket, 'tat', str(tat)) end
        expire(math.max(tat, stored))
        return 1
        """;

    /// <summary>
    /// Gives back a slot whose request was never sent, when it is the latest one granted (otherwise it stays spent).
    /// KEYS: operations hash. ARGV: operation, default policy, bucket prefix, margin, slot (µs).
    /// </summary>
    public const string Release = Prelude + """

        local slot = tonumber(ARGV[5])
        local tat = tonumber(redis.call('HGET', bucket, 'tat'))
        if tat and math.abs(tat - spacing - slot) <= 1 then
          redis.call('HSET', bucket, 'tat', str(math.max(slot, now)))
          return 1
        end
        return 0
        """;
}
