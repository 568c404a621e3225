#ifndef HUB_CCURLSHIM_H
#define HUB_CCURLSHIM_H
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call;
   these fix one argument type each. */
CURLcode hub_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode hub_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode hub_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode hub_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode hub_curl_easy_setopt_write_function(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *));
CURLcode hub_curl_easy_setopt_header_function(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *));
CURLcode hub_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode hub_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLMcode hub_curl_multi_setopt_long(CURLM *handle, CURLMoption option, long value);

#endif
