"""The compact word tables give what wordfreq's own dicts and lists give."""

from __future__ import annotations

import random

import wordfreq

from mojibake_fix.context import damaged, words


def test_a_small_table_is_wordfreqs_dict() -> None:
    expected = wordfreq.get_frequency_dict("sl", "small")
    table = words.frequencies("sl", "small")
    assert len(table) == len(expected)
    assert all(table.get(word) == frequency for word, frequency in expected.items())
    rng = random.Random(3)
    for word in rng.sample(sorted(expected), 2000):
        assert table.get(word + "q") == expected.get(word + "q")
        assert (word + "q" in table) == (word + "q" in expected)


def test_best_is_small_then_the_rarer_words() -> None:
    expected = wordfreq.get_frequency_dict("ca", "best")
    table = words.frequencies("ca")
    assert len(table) == len(expected)
    assert table.rarer is not None and len(table.rarer) == len(expected) - len(
        words.frequencies("ca", "small")
    )
    rng = random.Random(4)
    for word in rng.sample(sorted(expected), 5000):
        assert table.get(word) == expected[word]
        assert table.zipf(word) == words.zipf(word, "ca") > 0


def test_strings_with_the_same_stored_bytes_are_told_apart() -> None:
    # "kp" (one byte a letter) and "火" (two) hash alike with hash() alone.
    assert hash("kp") == hash("火")
    assert words.word_hash("kp") != words.word_hash("火")
    assert words.frequencies("en").get("火") == wordfreq.get_frequency_dict("en")["火"]
    assert words.frequencies("en", "small").get("火") is None


def test_word_and_zipf_frequency_are_wordfreqs() -> None:
    pool = [word for word, _ in words.top_words("pl", 3000)]
    tests = [*pool, *(w.upper() for w in pool[:300]), "", "123", "l'eau", "ab12", "x-y", "ьцЬ"]
    for word in tests:
        for wordlist in ("small", "best"):
            assert words.word_frequency(word, "pl", wordlist) == wordfreq.word_frequency(
                word, "pl", wordlist
            )
            assert words.zipf_frequency(word, "pl", wordlist) == wordfreq.zipf_frequency(
                word, "pl", wordlist
            )


def test_top_words_are_wordfreqs_top_n_list() -> None:
    assert [w for w, _ in words.top_words("de", 5000, numbers=False)] == wordfreq.top_n_list(
        "de", 5000, wordlist="small"
    )
    listed = wordfreq.get_frequency_list("de", "small")
    assert [w for w, _ in words.top_words("de", 800)] == [w for b in listed for w in b][:800]


def test_damaged_lookup_is_the_index_a_dict_would_be() -> None:
    for model in damaged.MODELS:
        expected: dict[str, list[tuple[str, float]]] = {}
        for word, frequency in damaged.word_list("he"):
            for form in dict.fromkeys((word, word[:1].upper() + word[1:], word.upper())):
                key = damaged.damage(form, model)
                if key != damaged.damage(form, "plain" if model != "c1" else "c1-kept"):
                    expected.setdefault(key, []).append((form, frequency))
        for key, found in expected.items():
            assert damaged.lookup(key, "he", model) == found
            assert damaged.lookup(key + "x", "he", model) == expected.get(key + "x", [])


def test_rarer_words_follow_the_common_ones_and_are_words() -> None:
    common = {word for word, _ in damaged.word_list("uk")}
    rarer = list(damaged.word_list("uk", rarer=True))
    assert len(rarer) > 50000
    assert not common & {word for word, _ in rarer}
    assert min(frequency for _, frequency in rarer) >= 1e-7  # Zipf 2
    assert all(len(set(word)) > 1 for word, _ in rarer)
    key = damaged.damage("двадцятиріччя", "c1")
    assert damaged.lookup(key, "uk", "c1") == []
    assert damaged.lookup(key, "uk", "c1", rarer=True)[0][0] == "двадцятиріччя"
    # A key a common word has is not looked up among the rarer words.
    common_key = damaged.damage("перемогу", "c1")
    assert damaged.lookup(common_key, "uk", "c1", rarer=True) == damaged.lookup(
        common_key, "uk", "c1"
    )


def _printed_under_two_hash_seeds(code: str) -> set[str]:
    """What ``code`` prints in two processes whose string hashes differ."""
    import os
    import subprocess
    import sys

    return {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "3")
    }


def test_thai_words_and_letter_chain_are_the_same_in_every_process() -> None:
    # PyThaiNLP reads its corpus into a set, whose order follows the hash seed.
    code = (
        "from mojibake_fix.context.letter_chains import letter_chain\n"
        "from mojibake_fix.context.words import top_words\n"
        "print(top_words('th', 2000)[-5:], repr(letter_chain('th').letter('ก')))\n"
    )
    assert len(_printed_under_two_hash_seeds(code)) == 1


def test_word_hashes_are_the_same_in_every_process() -> None:
    # Tables kept in the cache folder are read by other processes (context/stored.py).
    from mojibake_fix.context.words import word_hash

    code = "from mojibake_fix.context.words import word_hash; print(word_hash('разводят火'))"
    assert _printed_under_two_hash_seeds(code) == {str(word_hash("разводят火"))}


def test_a_word_list_gives_back_its_words_in_one_byte_a_letter_or_in_utf8() -> None:
    for lang, one_byte in (("ko", False), ("bg", True)):
        listed = damaged.word_list(lang)
        assert bool(listed.letters) == one_byte
        expected = [
            (word, words.BUCKET_FREQUENCY[bucket])
            for word, bucket in words.top_buckets(lang, 30000)
            if all(damaged.is_word_char(ch) for ch in word)
        ]
        assert list(listed) == expected
        offset, _ = list(listed.places())[-1]
        assert (listed.word(offset), listed.frequency(offset)) == expected[-1]
