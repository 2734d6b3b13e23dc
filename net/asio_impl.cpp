// The one translation unit that holds Boost.Asio's and Boost.Beast's compiled definitions
// (BOOST_ASIO_SEPARATE_COMPILATION / BOOST_BEAST_SEPARATE_COMPILATION are set PUBLIC on
// actiontrack_asio). Every other file includes the headers only and links this library.
// TLS is not Asio's (boost/asio/ssl would link OpenSSL into every program): see tls_engine.hpp.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
