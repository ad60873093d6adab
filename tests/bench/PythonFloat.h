#pragma once

// Formats a double exactly as Python's str(float) / repr(float) does, because MLflow's file store
// writes metric values (and float params) with str(): shortest round-trip digits, ".0" on integral
// values, exponent form ("1e-05", "1e+16") outside 1e-4 <= |x| < 1e16, and "nan", "inf", "-inf".

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace bench {

inline void appendPythonFloat(std::string& out, double value)
{
    if (std::isnan(value)) {
        out += "nan";
        return;
    }
    if (std::isinf(value)) {
        out += value < 0 ? "-inf" : "inf";
        return;
    }
    // Shortest round-trip digits in scientific form: "-d.ddde-XX" (at most 17 significant digits).
    char sci[40];
    const auto res = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific);
    const char* p = sci;
    if (*p == '-') {
        out += '-';
        ++p;
    }
    char digitBuffer[24];
    size_t ndigits = 0;
    for (; *p != 'e'; ++p) {
        if (*p != '.')
            digitBuffer[ndigits++] = *p;
    }
    const std::string_view digits(digitBuffer, ndigits);
    int exponent = 0;
    std::from_chars(p[1] == '+' ? p + 2 : p + 1, res.ptr, exponent);
    const int decpt = exponent + 1; // position of the decimal point relative to the digit string

    if (decpt <= -4 || decpt > 16) {
        out += digits[0];
        if (ndigits > 1) {
            out += '.';
            out += digits.substr(1);
        }
        const int absExp = std::abs(exponent);
        out += exponent < 0 ? "e-" : "e+";
        if (absExp < 10)
            out += '0';
        char expBuffer[8];
        out.append(expBuffer, std::to_chars(expBuffer, expBuffer + sizeof expBuffer, absExp).ptr);
    } else if (decpt <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-decpt), '0');
        out += digits;
    } else if (static_cast<size_t>(decpt) >= ndigits) {
        out += digits;
        out.append(static_cast<size_t>(decpt) - ndigits, '0');
        out += ".0";
    } else {
        out += digits.substr(0, static_cast<size_t>(decpt));
        out += '.';
        out += digits.substr(static_cast<size_t>(decpt));
    }
}

// Appends an integer without a temporary string (the generator writes millions of them).
inline void appendInteger(std::string& out, int64_t value)
{
    char buffer[24];
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

inline std::string pythonFloat(double value)
{
    std::string out;
    appendPythonFloat(out, value);
    return out;
}

} // namespace bench
