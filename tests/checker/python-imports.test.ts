import { describe, expect, it } from 'vitest';
import { explain, py, rules } from './helpers.ts';

describe('python imports', () => {
  it.each([
    ['import subprocess', 'py.import.forbidden'],
    ['import socket as s', 'py.import.forbidden'],
    ['import http.server', 'py.import.forbidden'],
    ['from subprocess import Popen as P', 'py.import.forbidden'],
    ['from urllib.request import urlopen', 'py.import.forbidden'],
    ['def f():\n    import pickle\n    return pickle', 'py.import.forbidden'],
    ['if True:\n    from ctypes import *', 'py.import.forbidden'],
    ['import xmlrpc.client', 'py.import.forbidden'],
    ['import numpy.ctypeslib', 'py.import.forbidden'],
    ['from numpy import ctypeslib', 'py.import.forbidden'],
    ['import yaml', 'py.import.not-allowed'],
    ['import urllib', 'py.import.not-allowed'],
    ['import _posixsubprocess', 'py.import.forbidden'],
    ['import _winapi', 'py.import.private'],
    ['from random import _os', 'py.module.reach-through'],
    ['from os import *', 'py.import.wildcard'],
    ['from os import system', 'py.callable.forbidden'],
    ['from os import fork as f', 'py.callable.forbidden'],
    ['from os import getpid', 'py.module.attribute-not-allowed'],
    ['from sys import modules', 'py.module.attribute-not-allowed'],
    ['from . import helper', 'py.import.relative'],
    ['from pandas.io import pickle', 'py.module.attribute-not-allowed'],
    ['import os as ｏｓ\nｏｓ.system("id")', 'py.callable.forbidden'],
  ])('%s → %s', (src, rule) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(false);
    expect(rules(r), explain(r)).toContain(rule);
  });

  it.each([
    'import json, csv, re, math, statistics',
    'import os.path\nprint(os.path.join("a", "b"))',
    'from os import path, getcwd, listdir',
    'from os.path import join, exists',
    'import matplotlib.pyplot as plt',
    'from collections import Counter, defaultdict',
    'from __future__ import annotations',
    'import urllib.parse\nurllib.parse.quote("a b")',
    'from pandas.api.types import is_numeric_dtype',
    'import xml.etree.ElementTree as ET',
    'from math import *',
  ])('allowed: %s', (src) => {
    const r = py(src);
    expect(r.allowed, explain(r)).toBe(true);
  });
});
