// The unit's report: recompute the "tạm tính" a moment after a value changes. Served by the service itself; without
// it the "Tạm tính điểm" button does the same with a full page.
(function () {
    'use strict';
    var form = document.getElementById('bao-cao');
    var target = document.getElementById('tam-tinh');
    if (!form || !target || !form.dataset.tamTinh) {
        return;
    }
    var timer = null;
    var pending = null;
    function refresh() {
        if (pending) {
            pending.abort();
        }
        pending = new AbortController();
        var data = new FormData(form);
        fetch(form.dataset.tamTinh, { method: 'POST', body: data, headers: { 'X-Tam-Tinh': '1' }, credentials: 'same-origin', signal: pending.signal })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('HTTP ' + response.status);
                }
                return response.text();
            })
            .then(function (html) { target.innerHTML = html; })
            .catch(function (error) {
                if (error.name !== 'AbortError') {
                    target.innerHTML = '<p class="alert">Chưa tính được điểm tạm tính (mất kết nối?). Hãy bấm “Tạm tính điểm”.</p>';
                }
            });
    }
    form.addEventListener('input', function (event) {
        if (event.target && event.target.type === 'file') {
            return;
        }
        clearTimeout(timer);
        timer = setTimeout(refresh, 700);
    });
    form.addEventListener('change', function (event) {
        if (event.target && event.target.tagName === 'SELECT') {
            clearTimeout(timer);
            timer = setTimeout(refresh, 100);
        }
    });
})();
